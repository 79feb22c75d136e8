-- Reads the account's registry, in ingestion order.
SELECT * FROM raw_extraction WHERE account_id = :account_id ORDER BY extraction_seq
