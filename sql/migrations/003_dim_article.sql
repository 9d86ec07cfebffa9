-- dim_article: one row per distinct article (article_id = hash of its normalized body).
CREATE SEQUENCE seq_article_key;
CREATE TABLE dim_article (
    article_key    BIGINT PRIMARY KEY DEFAULT nextval('seq_article_key'),
    article_id     VARCHAR NOT NULL UNIQUE,
    name           VARCHAR NOT NULL,
    origin         VARCHAR NOT NULL,
    title          VARCHAR,
    url            VARCHAR,
    source_key     BIGINT NOT NULL,
    published_date DATE NOT NULL,
    published_at   TIMESTAMP,
    date_key       INTEGER NOT NULL,
    dateline       VARCHAR,
    text           VARCHAR NOT NULL,
    n_chars        INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    loaded_at      TIMESTAMP NOT NULL
);
