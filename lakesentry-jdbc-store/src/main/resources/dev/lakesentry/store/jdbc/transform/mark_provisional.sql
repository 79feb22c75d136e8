-- USAGE: the days some of whose rows were ingested after the cutoff (select_days_ingested_after) become
-- provisional. The day list below is of :d0, :d1, ... parameters, one per day, filled in by the builder; run over the
-- whole account so the flags equal a rebuild's at the same as-of. (A subquery on the same table here is planned
-- as a lookup per row by H2 and must be wrapped in a derived table for MariaDB; the day list is small.)
UPDATE ledger_usage_line_item SET provisional = TRUE
WHERE account_id = :account_id AND provisional = FALSE AND usage_date IN (<days>)
