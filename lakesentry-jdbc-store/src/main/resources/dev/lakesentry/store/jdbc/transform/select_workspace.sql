-- Reads the account's ledger_workspace rows.
SELECT * FROM ledger_workspace
WHERE account_id = :account_id
ORDER BY workspace_id
