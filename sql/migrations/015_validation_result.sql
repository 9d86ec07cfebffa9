-- validation_result: one row per expectation checked in a run.
CREATE TABLE validation_result (
    run_id           VARCHAR NOT NULL,
    suite            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    severity         VARCHAR NOT NULL,
    is_success       BOOLEAN NOT NULL,
    observed_value   VARCHAR,
    unexpected_count BIGINT,
    checked_at       TIMESTAMP NOT NULL
);
