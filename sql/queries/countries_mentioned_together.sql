-- Which countries appear together most often in the news.
SELECT entity_a AS country_a, entity_b AS country_b, articles
FROM v_entity_cooccurrence AS c
WHERE type_a = 'location' AND type_b = 'location'
  AND entity_a IN (SELECT name FROM dim_location WHERE location_type = 'country')
  AND entity_b IN (SELECT name FROM dim_location WHERE location_type = 'country')
ORDER BY articles DESC, country_a, country_b
LIMIT 25;
