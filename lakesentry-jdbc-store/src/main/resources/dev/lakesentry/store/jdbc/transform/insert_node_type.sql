-- Inserts one ledger_node_type row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_node_type (account_id, node_type, core_count, memory_mb, gpu_count)
VALUES (:account_id, :node_type, :core_count, :memory_mb, :gpu_count)
