-- USAGE: the usage days that hold a row ingested after the cutoff day (still inside the correction horizon).
SELECT DISTINCT usage_date FROM ledger_usage_line_item
WHERE account_id = :account_id AND ingestion_date > :cutoff_day
ORDER BY usage_date
