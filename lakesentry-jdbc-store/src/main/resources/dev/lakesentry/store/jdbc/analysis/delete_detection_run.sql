-- Removes a detector's previous run record before the new one is written.
DELETE FROM insight_detection_run WHERE account_id = :account_id AND detector_id = :detector_id
