-- Reads the account's snapshots of a table, latest first.
SELECT * FROM raw_extraction
WHERE account_id = :account_id AND table_name = :table_name AND extraction_mode = 'SNAPSHOT'
ORDER BY extraction_seq DESC
