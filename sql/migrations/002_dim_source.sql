-- dim_source: one row per outlet, agency or structured-data publisher.
CREATE SEQUENCE seq_source_key;
CREATE TABLE dim_source (
    source_key BIGINT PRIMARY KEY DEFAULT nextval('seq_source_key'),
    source_id  VARCHAR NOT NULL UNIQUE,  -- folded name
    name       VARCHAR NOT NULL
);
