SELECT path, size, mtime_ns, run_id FROM ingested_file WHERE run_id = $run_id;
