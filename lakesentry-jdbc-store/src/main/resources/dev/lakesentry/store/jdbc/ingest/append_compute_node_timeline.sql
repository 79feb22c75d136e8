-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_compute_node_timeline (account_id, extraction_id, extraction_seq, row_pos, workspace_id, cluster_id, instance_id, start_time, end_time, driver, cpu_user_percent, cpu_system_percent, cpu_wait_percent, mem_used_percent, mem_swap_percent, network_sent_bytes, network_received_bytes, node_type, record_json)
VALUES
