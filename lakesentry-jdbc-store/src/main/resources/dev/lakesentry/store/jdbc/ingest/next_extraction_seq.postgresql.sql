-- The next ingestion sequence number (PostgreSQL).
SELECT nextval('raw_extraction_seq')
