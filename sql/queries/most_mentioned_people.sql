-- The people the news mentions most, with their latest title and how many articles name them.
SELECT p.name, p.country_iso3, count(DISTINCT m.article_key) AS articles,
       sum(m.mention_count) AS mentions,
       (SELECT r.title FROM v_person_roles AS r WHERE r.person_key = p.person_key
        ORDER BY r.valid_from DESC LIMIT 1) AS latest_title
FROM fact_mention AS m
JOIN dim_person AS p USING (person_key)
GROUP BY p.person_key, p.name, p.country_iso3
ORDER BY articles DESC, mentions DESC, p.name
LIMIT 25;
