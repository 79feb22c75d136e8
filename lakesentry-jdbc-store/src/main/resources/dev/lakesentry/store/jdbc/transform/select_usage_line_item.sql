-- Reads ledger_usage_line_item of one account and range.
SELECT * FROM ledger_usage_line_item
WHERE account_id = :account_id AND usage_date BETWEEN :from_day AND :to_day
ORDER BY record_id, usage_date
