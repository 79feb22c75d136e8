-- USAGE: no row of the account was ingested after the cutoff: every day is final.
UPDATE ledger_usage_line_item SET provisional = FALSE
WHERE account_id = :account_id AND provisional = TRUE
