-- Removes the account's ledger_query rows.
DELETE FROM ledger_query WHERE account_id = :account_id
