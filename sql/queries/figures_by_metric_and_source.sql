-- How many figures of each metric each outlet or statistics office reported.
SELECT source, metric, count(*) AS figures, count(DISTINCT article_id) AS articles
FROM v_figures
GROUP BY ALL
ORDER BY source, figures DESC;
