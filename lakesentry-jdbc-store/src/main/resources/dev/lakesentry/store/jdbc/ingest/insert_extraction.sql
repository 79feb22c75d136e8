-- Registers one extraction; its primary key refuses a repeated id.
INSERT INTO raw_extraction (extraction_id, extraction_seq, connector_id, account_id, table_name, extraction_mode, watermark_from, watermark_to, schema_version, record_count, rows_appended, checksum, receipt_status, received_at)
VALUES (:extraction_id, :extraction_seq, :connector_id, :account_id, :table_name, :extraction_mode, :watermark_from, :watermark_to, :schema_version, :record_count, :rows_appended, :checksum, :receipt_status, :received_at)
