-- The rows a chunk of the run loaded (keys above the marks taken before it): mentions, with whether the article and the entity exist.
SELECT x.mention_id, x.entity_type, x.mention_count,
       a.article_key IS NOT NULL AS has_article,
       coalesce(p.person_key, o.organization_key, l.location_key) IS NOT NULL AS has_entity
FROM fact_mention AS x
LEFT JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_person AS p ON x.entity_type = 'person' AND p.person_key = x.person_key
LEFT JOIN dim_organization AS o ON x.entity_type = 'organization' AND o.organization_key = x.organization_key
LEFT JOIN dim_location AS l ON x.entity_type = 'location' AND l.location_key = x.location_key
WHERE x.run_id = $run_id AND x.article_key > $after_article_key;
