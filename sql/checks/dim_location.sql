SELECT location_key, location_id, name, location_type, country_iso3 FROM dim_location;
