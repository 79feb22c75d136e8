-- Removes the account's ledger_hourly_utilisation rows.
DELETE FROM ledger_hourly_utilisation WHERE account_id = :account_id
