-- Queues a usage day an extraction touched, for the transformation stage.
INSERT INTO raw_extraction_day (account_id, extraction_seq, usage_day) VALUES (:account_id, :extraction_seq, :usage_day)
