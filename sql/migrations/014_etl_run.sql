-- etl_run: audit of every run, one row per run.
CREATE TABLE etl_run (
    run_id               VARCHAR PRIMARY KEY,
    started_at           TIMESTAMP NOT NULL,
    finished_at          TIMESTAMP,
    status               VARCHAR NOT NULL,  -- running | succeeded | failed | blocked
    inbox                VARCHAR,
    files_read           INTEGER,
    articles_new         INTEGER,
    articles_known       INTEGER,
    articles_duplicate   INTEGER,
    rows_quarantined     INTEGER,
    rows_loaded          INTEGER,
    expectations_passed  INTEGER,
    expectations_failed  INTEGER,
    report_path          VARCHAR,
    message              VARCHAR
);
