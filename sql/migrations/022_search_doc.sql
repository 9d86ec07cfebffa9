-- search_doc: one row per article in the full-text index, with its length in indexed words.
-- The index grows chunk by chunk with the articles a run loads (never rebuilt whole).
CREATE TABLE search_doc (
    article_key BIGINT PRIMARY KEY,
    n_terms     INTEGER NOT NULL
);
