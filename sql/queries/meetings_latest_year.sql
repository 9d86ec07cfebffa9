-- Who met whom in the latest year the warehouse covers: date, parties, place, event, sources.
SELECT meeting_date, participants, location, event, source, article_name
FROM v_meetings
WHERE year(coalesce(meeting_date, published_date)) =
      (SELECT max(year(coalesce(meeting_date, published_date))) FROM v_meetings)
ORDER BY coalesce(meeting_date, published_date) DESC;
