-- Reads one raw table of an account, in ingestion and push order.
SELECT extraction_id, extraction_seq, record_json FROM <raw_table>
WHERE account_id = :account_id
ORDER BY extraction_seq, row_pos
