-- The accounts with raw data.
SELECT DISTINCT account_id FROM raw_extraction ORDER BY account_id
