-- fact_meeting.event_key: reports of one real meeting (the same parties within a few days,
-- in any outlet) share it; it is the meeting_key of the first report.
ALTER TABLE fact_meeting ADD COLUMN event_key BIGINT;
