-- Inserts one ledger_identity row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_identity (account_id, principal, principal_kind, team)
VALUES (:account_id, :principal, :principal_kind, :team)
