-- Removes the account's ledger_serving_daily_requests rows.
DELETE FROM ledger_serving_daily_requests WHERE account_id = :account_id
