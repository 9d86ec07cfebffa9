-- dim_project: one row per named project or programme.
CREATE SEQUENCE seq_project_key;
CREATE TABLE dim_project (
    project_key  BIGINT PRIMARY KEY DEFAULT nextval('seq_project_key'),
    project_id   VARCHAR NOT NULL UNIQUE,
    name         VARCHAR NOT NULL,
    project_type VARCHAR NOT NULL
);
