-- The account's most recent runs, newest first.
SELECT * FROM ops_stage_run WHERE account_id = :account_id ORDER BY run_no DESC LIMIT :limit
