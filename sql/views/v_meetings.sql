-- v_meetings: who met whom, when, where and at which event, with the reporting article.
CREATE OR REPLACE VIEW v_meetings AS
SELECT fm.meeting_key, d.date AS meeting_date, fm.event, l.name AS location,
       list(bp.participant_name ORDER BY bp.participant_name) AS participants,
       a.article_id, a.name AS article_name, a.published_date, s.name AS source, fm.sentence
FROM fact_meeting AS fm
JOIN bridge_meeting_participant AS bp USING (meeting_key)
JOIN dim_article AS a USING (article_key)
JOIN dim_source AS s ON s.source_key = a.source_key
LEFT JOIN dim_date AS d ON d.date_key = fm.date_key
LEFT JOIN dim_location AS l USING (location_key)
GROUP BY ALL;
