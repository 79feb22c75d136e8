-- The latest usage end time of the account.
SELECT MAX(usage_end_time) AS latest FROM ledger_usage_line_item WHERE account_id = :account_id
