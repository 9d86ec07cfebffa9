INSERT INTO dim_article (article_id, name, origin, title, url, source_key, published_date,
                         published_at, date_key, dateline, text, n_chars, run_id, loaded_at)
SELECT a.article_id, a.name, a.origin, a.title, a.url, s.source_key,
       CAST(a.published AS DATE), TRY_CAST(a.published_at AS TIMESTAMP),
       CAST(strftime(CAST(a.published AS DATE), '%Y%m%d') AS INTEGER),
       a.dateline, a.text, CAST(a.n_chars AS INTEGER), $run_id, $loaded_at
FROM stg_article AS a
JOIN dim_source AS s ON s.source_id = a.source_id
WHERE NOT EXISTS (SELECT 1 FROM dim_article AS x WHERE x.article_id = a.article_id);
