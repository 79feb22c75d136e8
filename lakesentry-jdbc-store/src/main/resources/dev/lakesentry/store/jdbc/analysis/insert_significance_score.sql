-- Inserts one score.
INSERT INTO metric_significance_score (account_id, work_unit_type, workspace_id, external_id, as_of, score, cost, currency, components_json, badges)
VALUES (:account_id, :work_unit_type, :workspace_id, :external_id, :as_of, :score, :cost, :currency, :components_json, :badges)
