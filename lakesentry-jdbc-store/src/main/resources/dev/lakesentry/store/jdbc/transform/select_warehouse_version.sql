-- Reads the account's ledger_warehouse_version rows.
SELECT * FROM ledger_warehouse_version
WHERE account_id = :account_id
ORDER BY workspace_id, warehouse_id, valid_from
