-- The project mentions a chunk of the run loaded, with whether the article and project exist.
SELECT x.article_key, x.project_key, a.article_key IS NOT NULL AS has_article,
       p.project_key IS NOT NULL AS has_project
FROM fact_project_mention AS x
LEFT JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_project AS p USING (project_key)
WHERE x.run_id = $run_id AND x.article_key > $after_article_key;
