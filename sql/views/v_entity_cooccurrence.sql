-- v_entity_cooccurrence: which entities appear together in articles, and how often.
CREATE OR REPLACE VIEW v_entity_cooccurrence AS
WITH named AS (
    SELECT m.article_key, m.entity_type,
           coalesce(p.name, o.name, l.name) AS entity
    FROM fact_mention AS m
    LEFT JOIN dim_person AS p USING (person_key)
    LEFT JOIN dim_organization AS o USING (organization_key)
    LEFT JOIN dim_location AS l USING (location_key)
)
SELECT a.entity_type AS type_a, a.entity AS entity_a, b.entity_type AS type_b,
       b.entity AS entity_b, count(DISTINCT a.article_key) AS articles
FROM named AS a
JOIN named AS b
  ON a.article_key = b.article_key
 AND (a.entity_type, a.entity) < (b.entity_type, b.entity)
GROUP BY ALL;
