-- QUERIES: statements that started in the partition, the latest copy of each, linked to their warehouse
-- and, where query_source names one, to the job that issued them.
INSERT INTO ledger_query (account_id, workspace_id, statement_id, warehouse_id, executed_by, execution_status, start_time,
    end_time, total_duration_nanos, read_bytes, work_unit_type, work_unit_workspace_id, work_unit_external_id)
SELECT account_id, workspace_id, statement_id, compute_warehouse_id, executed_by, execution_status, start_time,
       CASE WHEN end_time < start_time THEN start_time ELSE end_time END,
       CASE WHEN total_duration_ms IS NULL OR total_duration_ms < 0 THEN 0 ELSE total_duration_ms * 1000000 END,
       CASE WHEN read_bytes IS NULL OR read_bytes < 0 THEN 0 ELSE read_bytes END,
       CASE WHEN source_job_id IS NOT NULL THEN 'JOB' END,
       CASE WHEN source_job_id IS NOT NULL THEN workspace_id END,
       source_job_id
FROM (SELECT r.account_id, r.workspace_id, r.statement_id, r.compute_warehouse_id, r.executed_by, r.execution_status,
             r.start_time, r.end_time, r.total_duration_ms, r.read_bytes, r.source_job_id,
             ROW_NUMBER() OVER (PARTITION BY r.statement_id ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_query_history r
      WHERE r.account_id = :account_id AND r.start_time >= :from_time AND r.start_time < :to_time) t
WHERE rn = 1
