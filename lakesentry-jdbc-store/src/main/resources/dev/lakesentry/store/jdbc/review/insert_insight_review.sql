-- Appends one insight review event.
INSERT INTO review_insight_review (review_id, account_id, insight_id, review_action, reviewer, event_time, snooze_until, note)
VALUES (:review_id, :account_id, :insight_id, :review_action, :reviewer, :event_time, :snooze_until, :note)
