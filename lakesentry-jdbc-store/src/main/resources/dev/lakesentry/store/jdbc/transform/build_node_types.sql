-- REFERENCE: node types, the latest copy of each.
INSERT INTO ledger_node_type (account_id, node_type, core_count, memory_mb, gpu_count)
SELECT account_id, node_type, COALESCE(core_count, 0), COALESCE(memory_mb, 0), COALESCE(gpu_count, 0)
FROM (SELECT r.account_id, r.node_type, r.core_count, r.memory_mb, r.gpu_count,
             ROW_NUMBER() OVER (PARTITION BY r.node_type ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_compute_node_types r WHERE r.account_id = :account_id) t
WHERE rn = 1
