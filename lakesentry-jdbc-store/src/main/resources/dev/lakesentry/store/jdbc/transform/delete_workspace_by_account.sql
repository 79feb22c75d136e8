-- Removes the account's ledger_workspace rows.
DELETE FROM ledger_workspace WHERE account_id = :account_id
