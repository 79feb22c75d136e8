-- Reads the action log from a time on.
SELECT * FROM action_record WHERE account_id = :account_id AND event_time >= :since ORDER BY event_time, entry_no
