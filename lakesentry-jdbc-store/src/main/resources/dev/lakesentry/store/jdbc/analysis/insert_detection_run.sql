-- Records a detector's latest run for the account.
INSERT INTO insight_detection_run (account_id, detector_id, as_of) VALUES (:account_id, :detector_id, :as_of)
