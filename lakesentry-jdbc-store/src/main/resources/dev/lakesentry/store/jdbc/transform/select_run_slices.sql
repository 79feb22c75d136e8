-- RUNS: the latest copy of every slice of the job runs that have a slice starting in the partition.
SELECT workspace_id, job_id, run_id, period_start_time, period_end_time, trigger_type, result_state, compute_ids_json
FROM (SELECT r.workspace_id, r.job_id, r.run_id, r.period_start_time, r.period_end_time, r.trigger_type, r.result_state,
             r.compute_ids_json,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.run_id, r.period_start_time
                                ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_lakeflow_job_run_timeline r
      WHERE r.account_id = :account_id
        AND r.run_id IN (SELECT s.run_id FROM raw_lakeflow_job_run_timeline s
                         WHERE s.account_id = :account_id AND s.period_start_time >= :from_time AND s.period_start_time < :to_time)) t
WHERE rn = 1
ORDER BY workspace_id, run_id, period_start_time
