-- The rows a chunk of the run loaded (keys above the marks taken before it): articles, with whether their source and day exist in their dimensions.
SELECT a.article_key, a.article_id, a.published_date, a.n_chars,
       s.source_key IS NOT NULL AS has_source, d.date_key IS NOT NULL AS has_date
FROM dim_article AS a
LEFT JOIN dim_source AS s USING (source_key)
LEFT JOIN dim_date AS d ON d.date_key = a.date_key
WHERE a.run_id = $run_id AND a.article_key > $after_article_key;
