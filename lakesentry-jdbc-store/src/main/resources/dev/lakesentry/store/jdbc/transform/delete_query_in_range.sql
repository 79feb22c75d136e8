-- Removes one partition of ledger_query.
DELETE FROM ledger_query
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
