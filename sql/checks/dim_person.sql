SELECT person_key, person_id, name, country_iso3 FROM dim_person;
