-- Reads the account's ledger_node_type rows.
SELECT * FROM ledger_node_type
WHERE account_id = :account_id
ORDER BY node_type
