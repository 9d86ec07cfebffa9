-- Parties of the meetings a chunk of the run loaded, with whether the meeting and the resolved party exist.
SELECT b.meeting_key, b.participant_name, m.meeting_key IS NOT NULL AS has_meeting,
       (b.person_key IS NULL OR p.person_key IS NOT NULL)
       AND (b.organization_key IS NULL OR o.organization_key IS NOT NULL) AS has_party
FROM bridge_meeting_participant AS b
LEFT JOIN fact_meeting AS m USING (meeting_key)
LEFT JOIN dim_person AS p ON p.person_key = b.person_key
LEFT JOIN dim_organization AS o ON o.organization_key = b.organization_key
WHERE b.meeting_key > $after_meeting_key
  AND b.meeting_key IN (SELECT meeting_key FROM fact_meeting WHERE run_id = $run_id);
