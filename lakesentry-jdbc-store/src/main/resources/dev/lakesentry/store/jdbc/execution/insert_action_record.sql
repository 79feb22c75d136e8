-- Appends one action log entry.
INSERT INTO action_record (record_id, account_id, plan_id, attempt_id, exec_mode, outcome, pre_image_json, message, actor, event_time)
VALUES (:record_id, :account_id, :plan_id, :attempt_id, :exec_mode, :outcome, :pre_image_json, :message, :actor, :event_time)
