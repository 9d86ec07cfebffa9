-- dim_organization: one row per named organization.
CREATE SEQUENCE seq_organization_key;
CREATE TABLE dim_organization (
    organization_key BIGINT PRIMARY KEY DEFAULT nextval('seq_organization_key'),
    organization_id  VARCHAR NOT NULL UNIQUE,
    name             VARCHAR NOT NULL,
    acronym          VARCHAR,
    country_iso3     VARCHAR
);
