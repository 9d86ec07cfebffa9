INSERT INTO dim_project (project_id, name, project_type)
SELECT p.project_id,
       arg_min(p.name, a.published || a.article_id),
       arg_min(p.type, a.published || a.article_id)
FROM stg_project AS p
JOIN stg_article AS a USING (article_id)
WHERE NOT EXISTS (SELECT 1 FROM dim_project AS x WHERE x.project_id = p.project_id)
GROUP BY p.project_id;
