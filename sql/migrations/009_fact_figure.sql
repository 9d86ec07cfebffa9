-- fact_figure. Grain: one figure stated in one article, or one structured-fact row.
CREATE SEQUENCE seq_figure_key;
CREATE TABLE fact_figure (
    figure_key                   BIGINT PRIMARY KEY DEFAULT nextval('seq_figure_key'),
    figure_id                    VARCHAR NOT NULL UNIQUE,
    article_key                  BIGINT,           -- null for structured facts
    source_key                   BIGINT NOT NULL,
    metric_key                   INTEGER NOT NULL,
    date_key                     INTEGER,          -- publication day
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
    origin                       VARCHAR,          -- structured file:line
    run_id                       VARCHAR NOT NULL
);
