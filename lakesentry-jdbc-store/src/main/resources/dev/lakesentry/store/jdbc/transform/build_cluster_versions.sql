-- CLUSTERS: one row per configuration version, valid until the next change.
INSERT INTO ledger_cluster_version (account_id, workspace_id, cluster_id, cluster_name, owner_name, valid_from, valid_to,
    worker_count, min_autoscale_workers, max_autoscale_workers, driver_node_type, worker_node_type,
    auto_termination_minutes, cluster_source, tags_json, create_time, delete_time)
SELECT account_id, workspace_id, cluster_id, cluster_name, owned_by, change_time,
       LEAD(change_time) OVER (PARTITION BY workspace_id, cluster_id ORDER BY change_time),
       worker_count, min_autoscale_workers, max_autoscale_workers, driver_node_type, worker_node_type,
       auto_termination_minutes, cluster_source, COALESCE(tags_json, '{}'), create_time, delete_time
FROM (SELECT r.account_id, r.workspace_id, r.cluster_id, r.cluster_name, r.owned_by, r.change_time, r.worker_count,
             r.min_autoscale_workers, r.max_autoscale_workers, r.driver_node_type, r.worker_node_type,
             r.auto_termination_minutes, r.cluster_source, r.tags_json, r.create_time, r.delete_time,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.cluster_id, r.change_time
                                ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_compute_clusters r WHERE r.account_id = :account_id) t
WHERE rn = 1
