-- v_figures: every figure with its metric, article, sentence and source.
CREATE OR REPLACE VIEW v_figures AS
SELECT f.figure_key, m.metric_id AS metric, f.value, f.unit, f.period, f.subject, f.counterpart,
       f.qualifier, f.text, f.is_structured, a.article_id, a.name AS article_name, a.title,
       a.url, d.date AS published_date, s.name AS source, f.sentence, f.span_start, f.span_end,
       f.origin
FROM fact_figure AS f
JOIN dim_metric AS m USING (metric_key)
JOIN dim_source AS s USING (source_key)
LEFT JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_date AS d ON d.date_key = f.date_key;
