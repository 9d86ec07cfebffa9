-- v_trade: trade turnover, exports and imports by party pair and period, news and statistics side by side.
CREATE OR REPLACE VIEW v_trade AS
SELECT metric, subject, counterpart, period, value, unit, qualifier, is_structured,
       source, published_date, article_name, sentence
FROM v_figures
WHERE metric IN ('trade_turnover', 'exports', 'imports');
