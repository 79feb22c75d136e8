-- Reads the account's ledger_cluster_version rows.
SELECT * FROM ledger_cluster_version
WHERE account_id = :account_id
ORDER BY workspace_id, cluster_id, valid_from
