-- v_project_parties: the organizations and places named in the same articles as each project.
CREATE OR REPLACE VIEW v_project_parties AS
SELECT pr.name AS project, pr.project_type, m.entity_type,
       coalesce(o.name, l.name) AS party, count(DISTINCT pm.article_key) AS articles
FROM fact_project_mention AS pm
JOIN dim_project AS pr USING (project_key)
JOIN fact_mention AS m ON m.article_key = pm.article_key
LEFT JOIN dim_organization AS o ON o.organization_key = m.organization_key
LEFT JOIN dim_location AS l ON l.location_key = m.location_key
WHERE m.entity_type IN ('organization', 'location')
GROUP BY ALL;
