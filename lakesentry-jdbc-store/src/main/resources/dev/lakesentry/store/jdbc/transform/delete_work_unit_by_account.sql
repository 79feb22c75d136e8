-- Removes the account's ledger_work_unit rows.
DELETE FROM ledger_work_unit WHERE account_id = :account_id
