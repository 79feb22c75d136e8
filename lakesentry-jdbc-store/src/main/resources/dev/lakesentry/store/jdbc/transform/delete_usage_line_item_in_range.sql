-- Removes one partition of ledger_usage_line_item.
DELETE FROM ledger_usage_line_item
WHERE account_id = :account_id AND usage_date BETWEEN :from_day AND :to_day
