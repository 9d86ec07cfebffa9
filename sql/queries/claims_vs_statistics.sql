-- Which news claims line up with official statistics, and by how much they differ.
SELECT metric, subject, counterpart, period, reported_value, official_value, difference_pct,
       reported_by, official_source, article_name
FROM v_figure_reconciliation
ORDER BY abs(difference_pct) DESC;
