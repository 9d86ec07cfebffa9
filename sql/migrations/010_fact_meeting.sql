-- fact_meeting. Grain: one meeting reported in one article.
CREATE SEQUENCE seq_meeting_key;
CREATE TABLE fact_meeting (
    meeting_key  BIGINT PRIMARY KEY DEFAULT nextval('seq_meeting_key'),
    meeting_id   VARCHAR NOT NULL UNIQUE,
    article_key  BIGINT NOT NULL,
    date_key     INTEGER,   -- the day it took place, when the article gives it
    event        VARCHAR,
    location_key BIGINT,    -- the city it took place in
    sentence     VARCHAR,
    span_start   INTEGER,
    span_end     INTEGER,
    run_id       VARCHAR NOT NULL
);
