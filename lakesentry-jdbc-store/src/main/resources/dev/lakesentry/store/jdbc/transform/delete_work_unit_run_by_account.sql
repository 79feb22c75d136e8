-- Removes the account's ledger_work_unit_run rows.
DELETE FROM ledger_work_unit_run WHERE account_id = :account_id
