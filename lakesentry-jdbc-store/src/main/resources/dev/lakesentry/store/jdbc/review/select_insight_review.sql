-- Reads insight reviews, oldest first.
SELECT * FROM review_insight_review WHERE account_id = :account_id ORDER BY event_time, entry_no
