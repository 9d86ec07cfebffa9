-- The rows a chunk of the run loaded (keys above the marks taken before it): meetings, with whether their keys exist and how many parties they have.
SELECT m.meeting_key, m.meeting_id, m.event_key,
       a.article_key IS NOT NULL AS has_article,
       m.date_key IS NULL OR d.date_key IS NOT NULL AS has_date,
       m.location_key IS NULL OR l.location_key IS NOT NULL AS has_location,
       (SELECT count(*) FROM bridge_meeting_participant AS b
        WHERE b.meeting_key = m.meeting_key) AS parties
FROM fact_meeting AS m
LEFT JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_date AS d ON d.date_key = m.date_key
LEFT JOIN dim_location AS l ON l.location_key = m.location_key
WHERE m.run_id = $run_id AND m.meeting_key > $after_meeting_key;
