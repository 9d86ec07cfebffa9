INSERT INTO dim_location (location_id, name, location_type, country_iso3)
SELECT l.location_id,
       arg_min(l.name, a.published || a.article_id),
       arg_min(l.type, a.published || a.article_id),
       arg_min(l.country, a.published || a.article_id) FILTER (WHERE l.country IS NOT NULL)
FROM stg_location AS l
JOIN stg_article AS a USING (article_id)
WHERE l.location_id NOT IN (SELECT location_id FROM dim_location)
GROUP BY l.location_id;
