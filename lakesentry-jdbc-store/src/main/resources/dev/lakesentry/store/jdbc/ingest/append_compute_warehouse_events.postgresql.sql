-- Appends rows of system.compute.warehouse_events through the COPY protocol (text format).
COPY raw_compute_warehouse_events (account_id, extraction_id, extraction_seq, row_pos, workspace_id, warehouse_id, event_type, cluster_count, event_time, record_json) FROM STDIN
