-- Reads the account's scores.
SELECT * FROM metric_significance_score
WHERE account_id = :account_id
ORDER BY work_unit_type, workspace_id, external_id
