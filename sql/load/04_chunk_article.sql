-- The chunk's articles, new or known: a fact row repeats only within its own article, so the
-- fact loads look for repeats among these articles' rows, never the whole (growing) fact table.
CREATE OR REPLACE TEMP TABLE chunk_article AS
SELECT article_key FROM dim_article WHERE article_id IN (SELECT article_id FROM stg_article);
