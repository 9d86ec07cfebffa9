-- fact_mention. Grain: one entity (person, organization or location) in one article.
CREATE TABLE fact_mention (
    mention_id       VARCHAR PRIMARY KEY,  -- hash of article and entity
    article_key      BIGINT NOT NULL,
    entity_type      VARCHAR NOT NULL,     -- person | organization | location
    person_key       BIGINT,
    organization_key BIGINT,
    location_key     BIGINT,
    mention_count    INTEGER NOT NULL,
    title            VARCHAR,              -- a person's title in this article
    sentence         VARCHAR,              -- first mention
    span_start       INTEGER,
    span_end         INTEGER,
    run_id           VARCHAR NOT NULL,
    CHECK ((entity_type = 'person' AND person_key IS NOT NULL)
        OR (entity_type = 'organization' AND organization_key IS NOT NULL)
        OR (entity_type = 'location' AND location_key IS NOT NULL))
);
