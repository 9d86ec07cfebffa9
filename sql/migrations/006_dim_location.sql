-- dim_location: one row per named place.
CREATE SEQUENCE seq_location_key;
CREATE TABLE dim_location (
    location_key  BIGINT PRIMARY KEY DEFAULT nextval('seq_location_key'),
    location_id   VARCHAR NOT NULL UNIQUE,
    name          VARCHAR NOT NULL,
    location_type VARCHAR NOT NULL,  -- country | city | region | other
    country_iso3  VARCHAR            -- ISO 3166-1 alpha-3 of the holding state
);
