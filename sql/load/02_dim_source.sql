-- Outlets of new articles and publishers of structured facts.
INSERT INTO dim_source (source_id, name)
SELECT source_id, min(source)
FROM (
    SELECT CAST(source_id AS VARCHAR) AS source_id, CAST(source AS VARCHAR) AS source FROM stg_article
    UNION ALL SELECT source_id, source FROM stg_structured_fact
) AS s
WHERE source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_source AS x WHERE x.source_id = s.source_id)
GROUP BY source_id;
