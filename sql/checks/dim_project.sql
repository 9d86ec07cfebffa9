SELECT project_key, project_id, name, project_type FROM dim_project;
