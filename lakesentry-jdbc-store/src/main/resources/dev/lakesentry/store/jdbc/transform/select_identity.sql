-- Reads the account's ledger_identity rows.
SELECT * FROM ledger_identity
WHERE account_id = :account_id
ORDER BY principal
