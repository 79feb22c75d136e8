-- Removes the account's ledger_warehouse_version rows.
DELETE FROM ledger_warehouse_version WHERE account_id = :account_id
