-- The transformation queue: the days touched by the account's extractions past a sequence.
SELECT DISTINCT usage_day FROM raw_extraction_day
WHERE account_id = :account_id AND extraction_seq > :after_seq
ORDER BY usage_day
