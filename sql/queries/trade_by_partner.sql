-- How each country's reported trade with each partner evolved: value by pair and period.
SELECT subject, counterpart, metric, period, unit,
       max(value) AS value, count(*) AS reports, bool_or(is_structured) AS has_official
FROM v_trade
WHERE subject IS NOT NULL AND counterpart IS NOT NULL AND period IS NOT NULL
GROUP BY ALL
ORDER BY subject, counterpart, metric, period;
