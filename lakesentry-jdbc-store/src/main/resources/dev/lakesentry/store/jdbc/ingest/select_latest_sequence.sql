-- The account's highest extraction sequence (0 when it has none).
SELECT COALESCE(MAX(extraction_seq), 0) AS latest FROM raw_extraction WHERE account_id = :account_id
