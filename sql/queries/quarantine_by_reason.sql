-- What is held in quarantine, by stage and check, with an example reason.
SELECT stage, coalesce(table_name, '(input file)') AS held_from, check_name,
       count(*) AS rows_held, min(reason) AS example_reason
FROM quarantine
WHERE NOT is_released
GROUP BY ALL
ORDER BY rows_held DESC;
