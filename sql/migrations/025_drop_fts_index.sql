-- fts_main_dim_article: the fts extension's index, rebuilt whole on every run before
-- search_doc/search_term replaced it; gone from warehouses made before.
DROP SCHEMA IF EXISTS fts_main_dim_article CASCADE;
