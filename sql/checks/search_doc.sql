-- The chunk's newly indexed articles, with whether each is an article of the warehouse.
SELECT d.article_key, d.n_terms, a.article_key IS NOT NULL AS has_article
FROM search_doc AS d
LEFT JOIN dim_article AS a USING (article_key)
WHERE d.article_key > $after_article_key;
