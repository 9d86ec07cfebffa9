SELECT metric_key, metric_id FROM dim_metric;
