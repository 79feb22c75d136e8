-- Inserts one ledger_work_unit row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_work_unit (account_id, work_unit_type, workspace_id, external_id, unit_name, owner_name, tags_json, first_seen, deleted_at)
VALUES (:account_id, :work_unit_type, :workspace_id, :external_id, :unit_name, :owner_name, :tags_json, :first_seen, :deleted_at)
