-- v_person_roles: each person's titles over time, valid from the first article that gives the
-- title until the first article that gives the next one (history is derived, never overwritten).
CREATE OR REPLACE VIEW v_person_roles AS
WITH stated AS (
    SELECT p.person_key, p.name, m.title, p.country_iso3,
           min(a.published_date) AS first_seen, max(a.published_date) AS last_seen,
           count(*) AS articles
    FROM fact_mention AS m
    JOIN dim_person AS p USING (person_key)
    JOIN dim_article AS a USING (article_key)
    WHERE m.entity_type = 'person' AND m.title IS NOT NULL
    GROUP BY ALL
)
SELECT person_key, name, title, country_iso3, first_seen AS valid_from,
       lead(first_seen) OVER (PARTITION BY person_key ORDER BY first_seen, title) AS valid_to,
       last_seen, articles
FROM stated;
