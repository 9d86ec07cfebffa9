-- Figures from structured-fact files (official statistics), beside the extracted ones.
INSERT INTO fact_figure (figure_id, article_key, source_key, metric_key, date_key, value, unit,
    period, subject, counterpart, subject_location_key, subject_organization_key,
    counterpart_location_key, counterpart_organization_key, qualifier, text, sentence,
    span_start, span_end, is_structured, origin, run_id)
SELECT f.fact_id, NULL, s.source_key, m.metric_key,
       CAST(strftime(TRY_CAST(f.published AS DATE), '%Y%m%d') AS INTEGER),
       CAST(f.value AS DOUBLE), f.unit, f.period, f.subject, f.counterpart,
       sl.location_key, so.organization_key, cl.location_key, co.organization_key,
       f.qualifier, NULL, NULL, NULL, NULL, true, f.origin || ':' || CAST(f.line AS VARCHAR), $run_id
FROM stg_structured_fact AS f
JOIN dim_source AS s ON s.source_id = f.source_id
JOIN dim_metric AS m ON m.metric_id = f.metric
LEFT JOIN dim_location AS sl ON sl.location_id = f.subject_id
LEFT JOIN dim_organization AS so ON so.organization_id = f.subject_id
LEFT JOIN dim_location AS cl ON cl.location_id = f.counterpart_id
LEFT JOIN dim_organization AS co ON co.organization_id = f.counterpart_id
WHERE NOT EXISTS (SELECT 1 FROM fact_figure AS x WHERE x.is_structured AND x.figure_id = f.fact_id);
