-- Inserts one ledger_query row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_query (account_id, workspace_id, statement_id, warehouse_id, executed_by, execution_status, start_time, end_time, total_duration_nanos, read_bytes, work_unit_type, work_unit_workspace_id, work_unit_external_id)
VALUES (:account_id, :workspace_id, :statement_id, :warehouse_id, :executed_by, :execution_status, :start_time, :end_time, :total_duration_nanos, :read_bytes, :work_unit_type, :work_unit_workspace_id, :work_unit_external_id)
