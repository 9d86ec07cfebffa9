SELECT source_key, source_id, name FROM dim_source;
