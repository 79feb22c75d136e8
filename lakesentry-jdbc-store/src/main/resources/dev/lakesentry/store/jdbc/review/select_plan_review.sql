-- Reads plan reviews, oldest first.
SELECT * FROM review_plan_review WHERE account_id = :account_id ORDER BY event_time, entry_no
