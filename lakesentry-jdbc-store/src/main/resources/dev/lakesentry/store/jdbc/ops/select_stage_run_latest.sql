-- The account's latest run of a stage with an outcome.
SELECT * FROM ops_stage_run WHERE account_id = :account_id AND stage_name = :stage_name AND outcome = :outcome
ORDER BY run_no DESC LIMIT 1
