-- A new person takes the fullest name any article gives, and the title and country of their earliest article.
INSERT INTO dim_person (person_id, name, title, country_iso3)
SELECT p.person_id,
       arg_max(p.name, length(p.name)),  -- the fullest form any article gives
       arg_min(p.title, a.published || a.article_id) FILTER (WHERE p.title IS NOT NULL),
       arg_min(p.country, a.published || a.article_id) FILTER (WHERE p.country IS NOT NULL)
FROM stg_person AS p
JOIN stg_article AS a USING (article_id)
WHERE NOT EXISTS (SELECT 1 FROM dim_person AS x WHERE x.person_id = p.person_id)
GROUP BY p.person_id;
