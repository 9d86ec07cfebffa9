-- The chunk's index entries, with whether their article is indexed.
SELECT t.term, t.article_key, t.tf, d.article_key IS NOT NULL AS has_doc
FROM search_term AS t
LEFT JOIN search_doc AS d USING (article_key)
WHERE t.article_key > $after_article_key;
