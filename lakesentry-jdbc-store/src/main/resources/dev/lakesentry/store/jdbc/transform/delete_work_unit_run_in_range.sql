-- Removes one partition of ledger_work_unit_run.
DELETE FROM ledger_work_unit_run
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
