-- v_meeting_events: one row per real meeting, however many outlets reported it.
CREATE OR REPLACE VIEW v_meeting_events AS
SELECT fm.event_key,
       list(DISTINCT coalesce(p.name, o.name, bp.participant_name)
            ORDER BY coalesce(p.name, o.name, bp.participant_name)) AS participants,
       min(d.date) AS meeting_date, any_value(fm.event) AS event, any_value(l.name) AS location,
       count(DISTINCT fm.meeting_key) AS reports, count(DISTINCT a.source_key) AS sources
FROM fact_meeting AS fm
JOIN bridge_meeting_participant AS bp USING (meeting_key)
JOIN dim_article AS a USING (article_key)
LEFT JOIN dim_person AS p ON p.person_key = bp.person_key
LEFT JOIN dim_organization AS o ON o.organization_key = bp.organization_key
LEFT JOIN dim_date AS d ON d.date_key = fm.date_key
LEFT JOIN dim_location AS l ON l.location_key = fm.location_key
GROUP BY fm.event_key;
