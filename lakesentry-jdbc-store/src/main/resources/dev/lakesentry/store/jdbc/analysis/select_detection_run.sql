-- A detector's latest run for the account.
SELECT as_of FROM insight_detection_run WHERE account_id = :account_id AND detector_id = :detector_id
