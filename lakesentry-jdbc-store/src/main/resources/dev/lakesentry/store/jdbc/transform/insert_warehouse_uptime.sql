-- Inserts one ledger_warehouse_uptime row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_warehouse_uptime (account_id, workspace_id, warehouse_id, start_time, end_time, cluster_count)
VALUES (:account_id, :workspace_id, :warehouse_id, :start_time, :end_time, :cluster_count)
