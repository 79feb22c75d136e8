-- Removes the account's ledger_usage_line_item rows.
DELETE FROM ledger_usage_line_item WHERE account_id = :account_id
