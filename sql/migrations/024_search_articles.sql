-- search_articles: articles ranked by Okapi BM25 (k1 = 1.2, b = 0.75, as DuckDB's fts scores)
-- for the words given, from the incremental index: SELECT * FROM search_articles('lithium exports').
CREATE MACRO search_articles(words, n := 10) AS TABLE
    WITH q AS (SELECT DISTINCT unnest(search_tokens(words)) AS term),
         corpus AS (SELECT count(*) AS docs, avg(n_terms) AS avgdl FROM search_doc),
         df AS (SELECT term, count(*) AS df FROM search_term WHERE term IN (SELECT term FROM q)
                GROUP BY term)
    SELECT t.article_key,
           sum(ln((corpus.docs - df.df + 0.5) / (df.df + 0.5) + 1)
               * t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * d.n_terms / corpus.avgdl))) AS score
    FROM search_term AS t
    JOIN df USING (term)
    JOIN search_doc AS d USING (article_key)
    CROSS JOIN corpus
    GROUP BY t.article_key
    ORDER BY score DESC, t.article_key
    LIMIT n;
