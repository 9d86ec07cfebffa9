-- The chunk's index entries, one row per article (an article holds hundreds of words): how many
-- entries, how many distinct words, the smallest count, and whether the article is indexed.
SELECT t.article_key, count(*) AS entries, count(DISTINCT t.term) AS terms,
       count(*) = count(DISTINCT t.term) AS is_each_term_once, min(t.tf) AS min_tf,
       bool_and(t.term IS NOT NULL AND t.term <> '') AS has_terms,
       bool_and(d.article_key IS NOT NULL) AS has_doc
FROM search_term AS t
LEFT JOIN search_doc AS d USING (article_key)
WHERE t.article_key > $after_article_key
GROUP BY t.article_key;
