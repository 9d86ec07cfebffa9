-- The days a run's articles and meetings refer to, with a check that each key spells its date.
SELECT date_key, date, year, date_key = CAST(strftime(date, '%Y%m%d') AS INTEGER) AS is_key_of_date
FROM dim_date;
