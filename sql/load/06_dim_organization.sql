INSERT INTO dim_organization (organization_id, name, acronym, country_iso3)
SELECT o.organization_id,
       arg_max(o.name, length(o.name)),  -- the expansion, not an acronym
       arg_min(o.acronym, a.published || a.article_id) FILTER (WHERE o.acronym IS NOT NULL),
       arg_min(o.country, a.published || a.article_id) FILTER (WHERE o.country IS NOT NULL)
FROM stg_organization AS o
JOIN stg_article AS a USING (article_id)
WHERE NOT EXISTS (SELECT 1 FROM dim_organization AS x WHERE x.organization_id = o.organization_id)
GROUP BY o.organization_id;
