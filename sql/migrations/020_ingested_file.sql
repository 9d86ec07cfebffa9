-- ingested_file: every inbox file a published run has read, with the size and modification
-- time it had then; a later run skips a file that has not changed since (nothing to re-read).
CREATE TABLE ingested_file (
    path        VARCHAR PRIMARY KEY,
    size        BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    run_id      VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
