-- Reads the action log, oldest first.
SELECT * FROM action_record WHERE account_id = :account_id ORDER BY event_time, entry_no
