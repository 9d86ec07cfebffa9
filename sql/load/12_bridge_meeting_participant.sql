INSERT INTO bridge_meeting_participant (meeting_key, participant_name, person_key, organization_key)
SELECT fm.meeting_key, p.participant_name, dp.person_key, dorg.organization_key
FROM (
    SELECT DISTINCT meeting_id,
           unnest(CAST(participants AS VARCHAR[])) AS participant_name,
           unnest(CAST(participant_ids AS VARCHAR[])) AS participant_id
    FROM stg_meeting
) AS p
JOIN fact_meeting AS fm ON fm.meeting_id = p.meeting_id
LEFT JOIN dim_person AS dp ON dp.person_id = p.participant_id
LEFT JOIN dim_organization AS dorg ON dorg.organization_id = p.participant_id
WHERE NOT EXISTS (SELECT 1 FROM bridge_meeting_participant AS x
                  WHERE x.meeting_key IN (SELECT meeting_key FROM fact_meeting
                                          WHERE article_key IN (SELECT article_key FROM chunk_article))
                    AND x.meeting_key = fm.meeting_key AND x.participant_name = p.participant_name);
