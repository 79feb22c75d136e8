-- Inserts or replaces one row of insight_record (PostgreSQL).
INSERT INTO insight_record (insight_id, account_id, insight_type, severity, subject_kind, subject_id, subject_workspace_id, window_start, window_end, impact_amount, impact_currency, evidence_json, detector_id, detector_params_json, detected_at)
VALUES (:insight_id, :account_id, :insight_type, :severity, :subject_kind, :subject_id, :subject_workspace_id, :window_start, :window_end, :impact_amount, :impact_currency, :evidence_json, :detector_id, :detector_params_json, :detected_at)
ON CONFLICT (insight_id) DO UPDATE SET
    account_id = EXCLUDED.account_id,
    insight_type = EXCLUDED.insight_type,
    severity = EXCLUDED.severity,
    subject_kind = EXCLUDED.subject_kind,
    subject_id = EXCLUDED.subject_id,
    subject_workspace_id = EXCLUDED.subject_workspace_id,
    window_start = EXCLUDED.window_start,
    window_end = EXCLUDED.window_end,
    impact_amount = EXCLUDED.impact_amount,
    impact_currency = EXCLUDED.impact_currency,
    evidence_json = EXCLUDED.evidence_json,
    detector_id = EXCLUDED.detector_id,
    detector_params_json = EXCLUDED.detector_params_json,
    detected_at = EXCLUDED.detected_at
