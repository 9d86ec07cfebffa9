-- The rows a chunk of the run loaded (keys above the marks taken before it): figures, with whether every key they hold exists in its dimension.
SELECT f.figure_key, f.figure_id, m.metric_id AS metric, f.value, f.unit, f.qualifier,
       f.is_structured,
       (f.article_key IS NULL AND f.is_structured) OR a.article_key IS NOT NULL AS has_article,
       s.source_key IS NOT NULL AS has_source, m.metric_key IS NOT NULL AS has_metric,
       f.date_key IS NULL OR d.date_key IS NOT NULL AS has_date,
       (f.subject_location_key IS NULL OR sl.location_key IS NOT NULL)
       AND (f.counterpart_location_key IS NULL OR cl.location_key IS NOT NULL)
       AND (f.subject_organization_key IS NULL OR so.organization_key IS NOT NULL)
       AND (f.counterpart_organization_key IS NULL OR co.organization_key IS NOT NULL) AS has_parties
FROM fact_figure AS f
LEFT JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_source AS s ON s.source_key = f.source_key
LEFT JOIN dim_metric AS m ON m.metric_key = f.metric_key
LEFT JOIN dim_date AS d ON d.date_key = f.date_key
LEFT JOIN dim_location AS sl ON sl.location_key = f.subject_location_key
LEFT JOIN dim_location AS cl ON cl.location_key = f.counterpart_location_key
LEFT JOIN dim_organization AS so ON so.organization_key = f.subject_organization_key
LEFT JOIN dim_organization AS co ON co.organization_key = f.counterpart_organization_key
WHERE f.run_id = $run_id AND f.figure_key > $after_figure_key;
