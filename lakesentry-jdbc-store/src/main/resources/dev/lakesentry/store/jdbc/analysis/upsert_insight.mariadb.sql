-- Inserts or replaces one row of insight_record (MariaDB).
INSERT INTO insight_record (insight_id, account_id, insight_type, severity, subject_kind, subject_id, subject_workspace_id, window_start, window_end, impact_amount, impact_currency, evidence_json, detector_id, detector_params_json, detected_at)
VALUES (:insight_id, :account_id, :insight_type, :severity, :subject_kind, :subject_id, :subject_workspace_id, :window_start, :window_end, :impact_amount, :impact_currency, :evidence_json, :detector_id, :detector_params_json, :detected_at)
ON DUPLICATE KEY UPDATE
    account_id = VALUES(account_id),
    insight_type = VALUES(insight_type),
    severity = VALUES(severity),
    subject_kind = VALUES(subject_kind),
    subject_id = VALUES(subject_id),
    subject_workspace_id = VALUES(subject_workspace_id),
    window_start = VALUES(window_start),
    window_end = VALUES(window_end),
    impact_amount = VALUES(impact_amount),
    impact_currency = VALUES(impact_currency),
    evidence_json = VALUES(evidence_json),
    detector_id = VALUES(detector_id),
    detector_params_json = VALUES(detector_params_json),
    detected_at = VALUES(detected_at)
