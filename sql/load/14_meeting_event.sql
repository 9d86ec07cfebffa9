-- Give each new meeting its event: the event of an earlier report that shares at least two
-- parties and took place (or, without a day, was published) within three days; else its own.
UPDATE fact_meeting SET event_key = best.event_key
FROM (
    WITH parties AS (
        SELECT meeting_key,
               list(DISTINCT coalesce('p' || person_key, 'o' || organization_key,
                                      'n' || participant_name)) AS party_set
        FROM bridge_meeting_participant
        GROUP BY meeting_key
    ), m AS (
        SELECT fm.meeting_key, fm.event_key, p.party_set,
               coalesce(d.date, a.published_date) AS day
        FROM fact_meeting AS fm
        JOIN parties AS p USING (meeting_key)
        JOIN dim_article AS a USING (article_key)
        LEFT JOIN dim_date AS d ON d.date_key = fm.date_key
    )
    SELECT n.meeting_key, min(coalesce(o.event_key, o.meeting_key)) AS event_key
    FROM m AS n
    JOIN m AS o
      ON len(list_intersect(o.party_set, n.party_set)) >= 2
     AND abs(date_diff('day', o.day, n.day)) <= 3
    WHERE n.event_key IS NULL
    GROUP BY n.meeting_key
) AS best
WHERE fact_meeting.meeting_key = best.meeting_key;
