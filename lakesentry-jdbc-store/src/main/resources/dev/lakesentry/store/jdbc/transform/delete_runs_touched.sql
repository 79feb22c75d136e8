-- RUNS: removes the job runs that have a slice starting in the partition, before they are rebuilt whole.
DELETE FROM ledger_work_unit_run
WHERE account_id = :account_id AND work_unit_type = 'JOB'
  AND run_id IN (SELECT s.run_id FROM raw_lakeflow_job_run_timeline s
                 WHERE s.account_id = :account_id AND s.period_start_time >= :from_time AND s.period_start_time < :to_time)
