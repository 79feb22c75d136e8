-- Inserts one ledger_workspace row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_workspace (account_id, workspace_id, workspace_name, workspace_url, status, create_time)
VALUES (:account_id, :workspace_id, :workspace_name, :workspace_url, :status, :create_time)
