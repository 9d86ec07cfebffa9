-- This run beside the runs before it: facts per new article against their average, so a run
-- that extracts next to nothing from many articles stands out.
WITH history AS (
    SELECT avg(rows_loaded / articles_new) AS per_article
    FROM etl_run
    WHERE run_id <> $run_id AND status = 'succeeded' AND articles_new > 0
)
SELECT r.run_id, r.status, r.articles_new, r.rows_loaded,
       CASE WHEN r.articles_new >= 20 AND h.per_article > 0
            THEN (r.rows_loaded / r.articles_new) / h.per_article END AS facts_per_article_vs_history
FROM etl_run AS r, history AS h
WHERE r.run_id = $run_id;
