-- v_figure_reconciliation: each extracted figure beside the official (structured) figure of
-- the same metric, unit, parties and period, with the difference in percent.
-- Trade turnover is symmetric, so its pair of parties matches in either order.
CREATE OR REPLACE VIEW v_figure_reconciliation AS
SELECT n.metric, n.subject, n.counterpart, n.period, n.unit,
       n.value AS reported_value, o.value AS official_value,
       round(100.0 * (n.value - o.value) / nullif(o.value, 0), 2) AS difference_pct,
       n.qualifier, n.source AS reported_by, o.source AS official_source,
       n.article_name, n.published_date, n.sentence
FROM v_figures AS n
JOIN v_figures AS o
  ON o.is_structured AND NOT n.is_structured
 AND o.metric = n.metric AND o.unit = n.unit AND o.period = n.period
 AND ((lower(o.subject) = lower(n.subject) AND lower(o.counterpart) = lower(n.counterpart))
      OR (n.metric = 'trade_turnover' AND lower(o.subject) = lower(n.counterpart)
          AND lower(o.counterpart) = lower(n.subject)));
