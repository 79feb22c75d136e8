-- Removes the account's ledger_warehouse_uptime rows.
DELETE FROM ledger_warehouse_uptime WHERE account_id = :account_id
