-- Reads the account's ledger_work_unit rows.
SELECT * FROM ledger_work_unit
WHERE account_id = :account_id
ORDER BY work_unit_type, workspace_id, external_id
