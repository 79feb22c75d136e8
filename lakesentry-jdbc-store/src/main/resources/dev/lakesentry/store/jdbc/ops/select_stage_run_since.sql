-- The account's runs after a position in the log, oldest first.
SELECT * FROM ops_stage_run WHERE account_id = :account_id AND run_no > :after ORDER BY run_no
