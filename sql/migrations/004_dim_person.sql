-- dim_person: one row per named person.
CREATE SEQUENCE seq_person_key;
CREATE TABLE dim_person (
    person_key   BIGINT PRIMARY KEY DEFAULT nextval('seq_person_key'),
    person_id    VARCHAR NOT NULL UNIQUE,  -- folded full name
    name         VARCHAR NOT NULL,
    title        VARCHAR,                  -- title at first mention in the first article
    country_iso3 VARCHAR
);
