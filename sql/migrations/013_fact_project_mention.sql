-- fact_project_mention. Grain: one project named in one article.
CREATE TABLE fact_project_mention (
    article_key BIGINT NOT NULL,
    project_key BIGINT NOT NULL,
    sentence    VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (article_key, project_key)
);
