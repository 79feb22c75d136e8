-- Reads ledger_work_unit_run of one account and range.
SELECT * FROM ledger_work_unit_run
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
ORDER BY work_unit_type, workspace_id, external_id, run_id, start_time
