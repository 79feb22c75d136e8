-- Reads refused pushes, oldest first.
SELECT * FROM raw_rejection WHERE account_id = :account_id ORDER BY rejected_at, entry_no
