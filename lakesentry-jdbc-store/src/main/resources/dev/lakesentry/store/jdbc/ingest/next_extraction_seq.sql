-- The next ingestion sequence number.
SELECT NEXT VALUE FOR raw_extraction_seq
