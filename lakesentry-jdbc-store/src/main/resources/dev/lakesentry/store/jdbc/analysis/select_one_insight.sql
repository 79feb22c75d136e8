-- Reads one row of insight_record.
SELECT * FROM insight_record WHERE account_id = :account_id AND insight_id = :id
