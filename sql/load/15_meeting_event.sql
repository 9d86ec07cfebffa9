-- Give each new meeting its event: the event of an earlier report that shares at least two
-- parties and took place (or, without a day, was published) within three days; else its own
-- (also when its parties are one person under two names).
-- The new meetings' parties are the join's small side and every other party row streams past
-- them with its day checked in the join, so memory follows the chunk, not the warehouse.
UPDATE fact_meeting SET event_key = best.event_key
FROM (
    WITH party AS NOT MATERIALIZED (
        SELECT b.meeting_key, fm.event_key, coalesce(d.date, a.published_date) AS day,
               coalesce('p' || b.person_key, 'o' || b.organization_key, 'n' || b.participant_name) AS party
        FROM bridge_meeting_participant AS b
        JOIN fact_meeting AS fm USING (meeting_key)
        JOIN dim_article AS a USING (article_key)
        LEFT JOIN dim_date AS d ON d.date_key = fm.date_key
    ), pairs AS (
        SELECT n.meeting_key, coalesce(o.event_key, o.meeting_key) AS event_key
        FROM party AS n
        JOIN party AS o ON o.party = n.party AND abs(date_diff('day', o.day, n.day)) <= 3
        WHERE n.event_key IS NULL
        GROUP BY n.meeting_key, o.meeting_key, o.event_key
        HAVING count(DISTINCT n.party) >= 2 OR n.meeting_key = o.meeting_key
    )
    SELECT meeting_key, min(event_key) AS event_key FROM pairs GROUP BY meeting_key
) AS best
WHERE fact_meeting.meeting_key = best.meeting_key;
