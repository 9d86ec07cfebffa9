-- The tables that grow with every article keep their keys unique without an ART index.
-- DuckDB reads a table's whole key index into memory on the first insert of a connection, so a
-- chunk's load needed memory in proportion to the warehouse (ART indexes must fit in memory).
-- Uniqueness holds by construction instead: surrogate keys come from sequences, the loads insert
-- only natural ids not present yet (NOT EXISTS), and every chunk's rows are checked by their
-- suites before commit. Dimensions and etl_run stay small and keep their constraints.
CREATE TABLE dim_article_026 (
    article_key    BIGINT NOT NULL DEFAULT nextval('seq_article_key'),
    article_id     VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    origin         VARCHAR NOT NULL,
    title          VARCHAR,
    url            VARCHAR,
    source_key     BIGINT NOT NULL,
    published_date DATE NOT NULL,
    published_at   TIMESTAMP,
    date_key       INTEGER NOT NULL,
    dateline       VARCHAR,
    text           VARCHAR NOT NULL,
    n_chars        INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    loaded_at      TIMESTAMP NOT NULL
);
INSERT INTO dim_article_026 SELECT * FROM dim_article ORDER BY article_key;
DROP TABLE dim_article;
ALTER TABLE dim_article_026 RENAME TO dim_article;

CREATE TABLE fact_figure_026 (
    figure_key                   BIGINT NOT NULL DEFAULT nextval('seq_figure_key'),
    figure_id                    VARCHAR NOT NULL,
    article_key                  BIGINT,
    source_key                   BIGINT NOT NULL,
    metric_key                   INTEGER NOT NULL,
    date_key                     INTEGER,
    value                        DOUBLE NOT NULL,
    unit                         VARCHAR NOT NULL,
    period                       VARCHAR,
    subject                      VARCHAR,
    counterpart                  VARCHAR,
    subject_location_key         BIGINT,
    subject_organization_key     BIGINT,
    counterpart_location_key     BIGINT,
    counterpart_organization_key BIGINT,
    qualifier                    VARCHAR,
    text                         VARCHAR,
    sentence                     VARCHAR,
    span_start                   INTEGER,
    span_end                     INTEGER,
    is_structured                BOOLEAN NOT NULL,
    origin                       VARCHAR,
    run_id                       VARCHAR NOT NULL
);
INSERT INTO fact_figure_026 SELECT * FROM fact_figure ORDER BY figure_key;
DROP TABLE fact_figure;
ALTER TABLE fact_figure_026 RENAME TO fact_figure;

CREATE TABLE fact_meeting_026 (
    meeting_key BIGINT NOT NULL DEFAULT nextval('seq_meeting_key'),
    meeting_id  VARCHAR NOT NULL,
    article_key BIGINT NOT NULL,
    date_key    INTEGER,
    event       VARCHAR,
    location_key BIGINT,
    sentence    VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER,
    run_id      VARCHAR NOT NULL,
    event_key   BIGINT
);
INSERT INTO fact_meeting_026 SELECT * FROM fact_meeting ORDER BY meeting_key;
DROP TABLE fact_meeting;
ALTER TABLE fact_meeting_026 RENAME TO fact_meeting;

CREATE TABLE bridge_meeting_participant_026 (
    meeting_key      BIGINT NOT NULL,
    participant_name VARCHAR NOT NULL,
    person_key       BIGINT,
    organization_key BIGINT
);
INSERT INTO bridge_meeting_participant_026 SELECT * FROM bridge_meeting_participant ORDER BY meeting_key;
DROP TABLE bridge_meeting_participant;
ALTER TABLE bridge_meeting_participant_026 RENAME TO bridge_meeting_participant;

CREATE TABLE fact_mention_026 (
    mention_id       VARCHAR NOT NULL,
    article_key      BIGINT NOT NULL,
    entity_type      VARCHAR NOT NULL,
    person_key       BIGINT,
    organization_key BIGINT,
    location_key     BIGINT,
    mention_count    INTEGER NOT NULL,
    title            VARCHAR,
    sentence         VARCHAR,
    span_start       INTEGER,
    span_end         INTEGER,
    run_id           VARCHAR NOT NULL,
    name_as_written  VARCHAR,
    CHECK ((entity_type = 'person' AND person_key IS NOT NULL)
        OR (entity_type = 'organization' AND organization_key IS NOT NULL)
        OR (entity_type = 'location' AND location_key IS NOT NULL))
);
INSERT INTO fact_mention_026 SELECT * FROM fact_mention ORDER BY article_key;
DROP TABLE fact_mention;
ALTER TABLE fact_mention_026 RENAME TO fact_mention;

CREATE TABLE fact_project_mention_026 (
    article_key BIGINT NOT NULL,
    project_key BIGINT NOT NULL,
    sentence    VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER,
    run_id      VARCHAR NOT NULL
);
INSERT INTO fact_project_mention_026 SELECT * FROM fact_project_mention ORDER BY article_key;
DROP TABLE fact_project_mention;
ALTER TABLE fact_project_mention_026 RENAME TO fact_project_mention;

CREATE TABLE search_doc_026 (
    article_key BIGINT NOT NULL,
    n_terms     INTEGER NOT NULL
);
INSERT INTO search_doc_026 SELECT * FROM search_doc ORDER BY article_key;
DROP TABLE search_doc;
ALTER TABLE search_doc_026 RENAME TO search_doc;

CREATE TABLE quarantine_026 (
    quarantine_id  VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    stage          VARCHAR NOT NULL,
    table_name     VARCHAR,
    origin         VARCHAR,
    check_name     VARCHAR,
    reason         VARCHAR NOT NULL,
    record         JSON,
    quarantined_at TIMESTAMP NOT NULL,
    is_released    BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO quarantine_026 SELECT * FROM quarantine ORDER BY quarantined_at;
DROP TABLE quarantine;
ALTER TABLE quarantine_026 RENAME TO quarantine;

CREATE TABLE ingested_file_026 (
    path        VARCHAR NOT NULL,
    size        BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    run_id      VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
INSERT INTO ingested_file_026 SELECT * FROM ingested_file ORDER BY ingested_at;
DROP TABLE ingested_file;
ALTER TABLE ingested_file_026 RENAME TO ingested_file;
