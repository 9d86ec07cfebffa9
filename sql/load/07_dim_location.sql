INSERT INTO dim_location (location_id, name, location_type, country_iso3)
SELECT l.location_id,
       arg_min(l.name, a.published || a.article_id),
       arg_min(l.type, a.published || a.article_id),
       arg_min(l.country, a.published || a.article_id) FILTER (WHERE l.country IS NOT NULL)
FROM stg_location AS l
JOIN stg_article AS a USING (article_id)
WHERE NOT EXISTS (SELECT 1 FROM dim_location AS x WHERE x.location_id = l.location_id)
GROUP BY l.location_id;
