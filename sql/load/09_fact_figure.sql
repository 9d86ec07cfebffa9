-- Figures extracted from articles.
INSERT INTO fact_figure (figure_id, article_key, source_key, metric_key, date_key, value, unit,
    period, subject, counterpart, subject_location_key, subject_organization_key,
    counterpart_location_key, counterpart_organization_key, qualifier, text, sentence,
    span_start, span_end, is_structured, origin, run_id)
SELECT f.figure_id, da.article_key, da.source_key, m.metric_key, da.date_key,
       CAST(f.value AS DOUBLE), f.unit, f.period, f.subject, f.counterpart,
       sl.location_key, so.organization_key, cl.location_key, co.organization_key,
       f.qualifier, f.text, f.sentence, CAST(f.span_start AS INTEGER),
       CAST(f.span_end AS INTEGER), false, NULL, $run_id
FROM stg_figure AS f
JOIN dim_article AS da ON da.article_id = f.article_id
JOIN dim_metric AS m ON m.metric_id = f.metric
LEFT JOIN dim_location AS sl ON sl.location_id = f.subject_id
LEFT JOIN dim_organization AS so ON so.organization_id = f.subject_id
LEFT JOIN dim_location AS cl ON cl.location_id = f.counterpart_id
LEFT JOIN dim_organization AS co ON co.organization_id = f.counterpart_id
WHERE NOT EXISTS (SELECT 1 FROM fact_figure AS x
                  WHERE x.article_key IN (SELECT article_key FROM chunk_article)
                    AND x.figure_id = f.figure_id);
