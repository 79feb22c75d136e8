-- Removes the account's ledger_cluster_version rows.
DELETE FROM ledger_cluster_version WHERE account_id = :account_id
