-- Removes the account's rows of insight_record.
DELETE FROM insight_record WHERE account_id = :account_id
