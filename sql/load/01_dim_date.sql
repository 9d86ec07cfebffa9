-- Days referenced by the batch: publication days and meeting days.
INSERT INTO dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), day(d), isodow(d)
FROM (
    SELECT TRY_CAST(published AS DATE) AS d FROM stg_article
    UNION SELECT TRY_CAST(date AS DATE) FROM stg_meeting
    UNION SELECT TRY_CAST(published AS DATE) FROM stg_structured_fact
) AS days
WHERE d IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_date AS x WHERE x.date = d);
