-- Appends one plan review event.
INSERT INTO review_plan_review (review_id, account_id, plan_id, decision, reviewer, event_time, note)
VALUES (:review_id, :account_id, :plan_id, :decision, :reviewer, :event_time, :note)
