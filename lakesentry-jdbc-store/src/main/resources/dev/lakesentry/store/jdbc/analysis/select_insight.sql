-- Reads the account's rows of insight_record, by id.
SELECT * FROM insight_record WHERE account_id = :account_id ORDER BY insight_id
