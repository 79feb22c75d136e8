-- Reads ledger_warehouse_uptime of one account and range.
SELECT * FROM ledger_warehouse_uptime
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
ORDER BY workspace_id, warehouse_id, start_time
