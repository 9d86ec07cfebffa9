-- The full-text index: the articles not indexed yet (those this chunk loaded, or all of them in a
-- warehouse made before the index), tokenized once into search_doc and search_term. Articles are
-- indexed in the transaction that loads them, in key order, so "not indexed yet" is every key past
-- the highest indexed one: a range the scan prunes, not an anti-join over every article's text.
CREATE TEMP TABLE new_search_doc AS
SELECT article_key, search_tokens(coalesce(title, '') || ' ' || text) AS tokens
FROM dim_article
WHERE article_key > (SELECT coalesce(max(article_key), 0) FROM search_doc);
INSERT INTO search_doc (article_key, n_terms)
SELECT article_key, len(tokens) FROM new_search_doc;
INSERT INTO search_term (term, article_key, tf)
SELECT term, article_key, CAST(count(*) AS INTEGER)
FROM (SELECT article_key, unnest(tokens) AS term FROM new_search_doc)
GROUP BY term, article_key;
DROP TABLE new_search_doc;
