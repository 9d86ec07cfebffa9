-- Give each new meeting its event: the event of an earlier report that shares at least two
-- parties and took place (or, without a day, was published) within three days; else its own.
-- Candidates are found by joining on shared parties (an equi-join from the new meetings), so the
-- cost follows the chunk, not every pair of meetings in the warehouse.
UPDATE fact_meeting SET event_key = best.event_key
FROM (
    WITH party AS (
        SELECT DISTINCT meeting_key,
               coalesce('p' || person_key, 'o' || organization_key, 'n' || participant_name) AS party
        FROM bridge_meeting_participant
    ), new_party AS (
        SELECT p.meeting_key, p.party
        FROM party AS p
        JOIN fact_meeting AS fm USING (meeting_key)
        WHERE fm.event_key IS NULL
    ), pairs AS (
        SELECT n.meeting_key AS new_key, o.meeting_key AS old_key
        FROM new_party AS n
        JOIN party AS o ON o.party = n.party
        GROUP BY ALL
        HAVING count(*) >= 2
    ), day AS (
        SELECT fm.meeting_key, fm.event_key, coalesce(d.date, a.published_date) AS day
        FROM fact_meeting AS fm
        JOIN dim_article AS a USING (article_key)
        LEFT JOIN dim_date AS d ON d.date_key = fm.date_key
    )
    SELECT pr.new_key AS meeting_key, min(coalesce(od.event_key, od.meeting_key)) AS event_key
    FROM pairs AS pr
    JOIN day AS nd ON nd.meeting_key = pr.new_key
    JOIN day AS od ON od.meeting_key = pr.old_key
    WHERE abs(date_diff('day', od.day, nd.day)) <= 3
    GROUP BY pr.new_key
) AS best
WHERE fact_meeting.meeting_key = best.meeting_key;
