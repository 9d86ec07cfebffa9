INSERT INTO fact_project_mention (article_key, project_key, sentence, span_start, span_end, run_id)
SELECT da.article_key, dp.project_key, arg_min(p.sentence, p.span_start),
       min(p.span_start)::INTEGER, arg_min(p.span_end, p.span_start)::INTEGER, $run_id
FROM stg_project AS p
JOIN dim_article AS da ON da.article_id = p.article_id
JOIN dim_project AS dp ON dp.project_id = p.project_id
WHERE NOT EXISTS (SELECT 1 FROM fact_project_mention AS x
                  WHERE x.article_key IN (SELECT article_key FROM chunk_article)
                    AND x.article_key = da.article_key AND x.project_key = dp.project_key)
GROUP BY da.article_key, dp.project_key;
