-- USAGE: a day whose rows were all ingested by the cutoff is final.
UPDATE ledger_usage_line_item SET provisional = FALSE
WHERE account_id = :account_id AND provisional = TRUE
  AND usage_date NOT IN (SELECT d.usage_date FROM (SELECT DISTINCT l.usage_date FROM ledger_usage_line_item l
                                                  WHERE l.account_id = :account_id AND l.ingestion_date > :cutoff_day) d)
