-- Reads ledger_query of one account and range.
SELECT * FROM ledger_query
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
ORDER BY statement_id, start_time
