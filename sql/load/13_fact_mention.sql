-- One row per entity per article; repeated extractions of one entity are summed.
INSERT INTO fact_mention (mention_id, article_key, entity_type, person_key, organization_key,
                          location_key, mention_count, title, name_as_written, sentence, span_start, span_end,
                          run_id)
SELECT md5(x.article_id || '|' || x.entity_type || '|' || x.entity_id), da.article_key,
       x.entity_type, dp.person_key, dorg.organization_key, dl.location_key,
       x.mention_count, x.title, x.name_as_written, x.sentence, x.span_start, x.span_end, $run_id
FROM (
    SELECT article_id, entity_type, entity_id, sum(mentions)::INTEGER AS mention_count,
           arg_min(title, span_start) AS title, arg_min(name, span_start) AS name_as_written,
           arg_min(sentence, span_start) AS sentence,
           min(span_start)::INTEGER AS span_start, arg_min(span_end, span_start)::INTEGER AS span_end
    FROM (
        SELECT article_id, 'person' AS entity_type, person_id AS entity_id, mentions,
               CAST(title AS VARCHAR) AS title, name, sentence, span_start, span_end
        FROM stg_person
        UNION ALL
        SELECT article_id, 'organization', organization_id, mentions, NULL, name, sentence,
               span_start, span_end FROM stg_organization
        UNION ALL
        SELECT article_id, 'location', location_id, mentions, NULL, name, sentence,
               span_start, span_end FROM stg_location
    ) AS u
    GROUP BY article_id, entity_type, entity_id
) AS x
JOIN dim_article AS da ON da.article_id = x.article_id
LEFT JOIN dim_person AS dp ON x.entity_type = 'person' AND dp.person_id = x.entity_id
LEFT JOIN dim_organization AS dorg ON x.entity_type = 'organization' AND dorg.organization_id = x.entity_id
LEFT JOIN dim_location AS dl ON x.entity_type = 'location' AND dl.location_id = x.entity_id
WHERE NOT EXISTS (SELECT 1 FROM fact_mention AS fmn
                  WHERE fmn.article_key IN (SELECT article_key FROM chunk_article)
                    AND fmn.mention_id = md5(x.article_id || '|' || x.entity_type || '|' || x.entity_id));
