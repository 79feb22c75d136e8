-- USAGE: a day is provisional while any of its rows was ingested after the cutoff (as-of minus the
-- correction horizon); run over the whole account so the flags equal a rebuild's at the same as-of.
UPDATE ledger_usage_line_item SET provisional = TRUE
WHERE account_id = :account_id AND provisional = FALSE
  AND usage_date IN (SELECT d.usage_date FROM (SELECT DISTINCT l.usage_date FROM ledger_usage_line_item l
                                              WHERE l.account_id = :account_id AND l.ingestion_date > :cutoff_day) d)
