-- Inserts one ledger_warehouse_version row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_warehouse_version (account_id, workspace_id, warehouse_id, warehouse_name, warehouse_type, warehouse_size, min_clusters, max_clusters, auto_stop_minutes, tags_json, valid_from, valid_to, delete_time)
VALUES (:account_id, :workspace_id, :warehouse_id, :warehouse_name, :warehouse_type, :warehouse_size, :min_clusters, :max_clusters, :auto_stop_minutes, :tags_json, :valid_from, :valid_to, :delete_time)
