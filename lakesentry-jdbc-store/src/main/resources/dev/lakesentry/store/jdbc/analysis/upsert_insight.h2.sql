-- Inserts or replaces one row of insight_record (H2).
MERGE INTO insight_record (insight_id, account_id, insight_type, severity, subject_kind, subject_id, subject_workspace_id, window_start, window_end, impact_amount, impact_currency, evidence_json, detector_id, detector_params_json, detected_at) KEY (insight_id)
VALUES (:insight_id, :account_id, :insight_type, :severity, :subject_kind, :subject_id, :subject_workspace_id, :window_start, :window_end, :impact_amount, :impact_currency, :evidence_json, :detector_id, :detector_params_json, :detected_at)
