-- v_figure_facts: one row per distinct fact however many reports state it: the same metric,
-- unit, period and parties (in either order for trade turnover) and a value equal to three
-- significant digits, with how many reports and independent sources give it.
CREATE OR REPLACE VIEW v_figure_facts AS
WITH keyed AS (
    SELECT *,
           CASE WHEN metric = 'trade_turnover' THEN least(lower(subject), lower(counterpart))
                ELSE lower(subject) END AS party_a,
           CASE WHEN metric = 'trade_turnover' THEN greatest(lower(subject), lower(counterpart))
                ELSE lower(counterpart) END AS party_b,
           CASE WHEN value = 0 THEN 0
                ELSE round(value, 2 - CAST(floor(log10(abs(value))) AS INTEGER)) END AS value_3sd
    FROM v_figures
)
SELECT md5(concat_ws('|', metric, unit, period, party_a, party_b, value_3sd)) AS figure_fact_id,
       metric, any_value(subject) AS subject, any_value(counterpart) AS counterpart, period, unit,
       value_3sd AS value, count(*) AS reports, count(DISTINCT source) AS sources,
       bool_or(is_structured) AS is_official, list(DISTINCT article_name) AS articles
FROM keyed
GROUP BY metric, unit, period, party_a, party_b, value_3sd;
