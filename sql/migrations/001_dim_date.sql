-- dim_date: one row per calendar day a fact refers to (publication or meeting day).
CREATE TABLE dim_date (
    date_key    INTEGER PRIMARY KEY,  -- yyyymmdd
    date        DATE NOT NULL UNIQUE,
    year        SMALLINT NOT NULL,
    quarter     TINYINT NOT NULL,
    month       TINYINT NOT NULL,
    day         TINYINT NOT NULL,
    day_of_week TINYINT NOT NULL     -- ISO: 1 = Monday
);
