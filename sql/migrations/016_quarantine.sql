-- quarantine: every rejected input and every row that failed a row-level expectation.
CREATE TABLE quarantine (
    quarantine_id  VARCHAR PRIMARY KEY,  -- hash of what was rejected and why: re-runs add no copy
    run_id         VARCHAR NOT NULL,     -- the run that first held it
    stage          VARCHAR NOT NULL,     -- ingest | validate
    table_name     VARCHAR,              -- staged table, for validation failures
    origin         VARCHAR,              -- file (and line) it came from
    check_name     VARCHAR,              -- the expectation that failed
    reason         VARCHAR NOT NULL,
    record         JSON,                 -- the whole offending row
    quarantined_at TIMESTAMP NOT NULL,
    is_released    BOOLEAN NOT NULL DEFAULT false
);
