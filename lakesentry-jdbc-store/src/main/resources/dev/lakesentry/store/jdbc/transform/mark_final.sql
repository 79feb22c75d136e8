-- USAGE: a day whose rows were all ingested by the cutoff is final: every day not in the list (see mark_provisional).
UPDATE ledger_usage_line_item SET provisional = FALSE
WHERE account_id = :account_id AND provisional = TRUE AND usage_date NOT IN (<days>)
