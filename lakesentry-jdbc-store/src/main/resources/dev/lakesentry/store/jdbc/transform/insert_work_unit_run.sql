-- Inserts one ledger_work_unit_run row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_work_unit_run (account_id, work_unit_type, workspace_id, external_id, run_id, start_time, end_time, result_state, trigger_type, attempt, compute_ids_json)
VALUES (:account_id, :work_unit_type, :workspace_id, :external_id, :run_id, :start_time, :end_time, :result_state, :trigger_type, :attempt, :compute_ids_json)
