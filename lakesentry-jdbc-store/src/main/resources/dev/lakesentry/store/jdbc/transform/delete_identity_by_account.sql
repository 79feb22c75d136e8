-- Removes the account's ledger_identity rows.
DELETE FROM ledger_identity WHERE account_id = :account_id
