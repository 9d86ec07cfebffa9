-- The largest money figures in US dollars the news reported, with where they were stated.
SELECT metric, value, unit, period, subject, counterpart, qualifier, source, article_name, sentence
FROM v_figures
WHERE unit = 'USD' AND NOT is_structured
ORDER BY value DESC
LIMIT 20;
