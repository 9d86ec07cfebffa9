INSERT INTO fact_meeting (meeting_id, article_key, date_key, event, location_key, sentence,
                          span_start, span_end, run_id)
SELECT m.meeting_id, da.article_key,
       CAST(strftime(TRY_CAST(m.date AS DATE), '%Y%m%d') AS INTEGER),
       m.event, l.location_key, m.sentence, CAST(m.span_start AS INTEGER),
       CAST(m.span_end AS INTEGER), $run_id
FROM stg_meeting AS m
JOIN dim_article AS da ON da.article_id = m.article_id
LEFT JOIN dim_location AS l ON l.location_id = m.location_id
WHERE NOT EXISTS (SELECT 1 FROM fact_meeting AS x
                  WHERE x.article_key IN (SELECT article_key FROM chunk_article)
                    AND x.meeting_id = m.meeting_id);
