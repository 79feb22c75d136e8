-- Removes one partition of ledger_warehouse_uptime.
DELETE FROM ledger_warehouse_uptime
WHERE account_id = :account_id AND start_time >= :from_time AND start_time < :to_time
