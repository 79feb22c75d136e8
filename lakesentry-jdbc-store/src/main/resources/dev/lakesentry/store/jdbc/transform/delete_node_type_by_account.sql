-- Removes the account's ledger_node_type rows.
DELETE FROM ledger_node_type WHERE account_id = :account_id
