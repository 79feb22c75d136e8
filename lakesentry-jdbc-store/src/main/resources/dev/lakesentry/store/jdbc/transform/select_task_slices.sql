-- RUNS: the latest copy of every task slice of those job runs, for task-level compute ids and attempts.
SELECT workspace_id, job_run_id, run_id, task_key, period_start_time, compute_ids_json
FROM (SELECT r.workspace_id, r.job_run_id, r.run_id, r.task_key, r.period_start_time, r.compute_ids_json,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.run_id, r.period_start_time
                                ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_lakeflow_job_task_run_timeline r
      WHERE r.account_id = :account_id
        AND r.job_run_id IN (SELECT s.run_id FROM raw_lakeflow_job_run_timeline s
                             WHERE s.account_id = :account_id AND s.period_start_time >= :from_time AND s.period_start_time < :to_time)) t
WHERE rn = 1
ORDER BY workspace_id, job_run_id, run_id, period_start_time
