-- Removes one partition of ledger_hourly_utilisation.
DELETE FROM ledger_hourly_utilisation
WHERE account_id = :account_id AND hour_start >= :from_time AND hour_start < :to_time
