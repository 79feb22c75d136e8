-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_compute_clusters (account_id, extraction_id, extraction_seq, row_pos, workspace_id, cluster_id, cluster_name, owned_by, create_time, delete_time, driver_node_type, worker_node_type, worker_count, min_autoscale_workers, max_autoscale_workers, auto_termination_minutes, enable_elastic_disk, cluster_source, driver_instance_pool_id, worker_instance_pool_id, dbr_version, change_time, change_date, tags_json, record_json)
VALUES
