-- search_term: grain = one stemmed word of one article, with how often it occurs there.
CREATE TABLE search_term (
    term        VARCHAR NOT NULL,
    article_key BIGINT NOT NULL,
    tf          INTEGER NOT NULL
);
