-- Reads one registry entry.
SELECT * FROM raw_extraction WHERE extraction_id = :extraction_id
