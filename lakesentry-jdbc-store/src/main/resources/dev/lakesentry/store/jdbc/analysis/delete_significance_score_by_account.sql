-- Removes the account's scores.
DELETE FROM metric_significance_score WHERE account_id = :account_id
