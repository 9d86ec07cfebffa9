SELECT organization_key, organization_id, name, country_iso3 FROM dim_organization;
