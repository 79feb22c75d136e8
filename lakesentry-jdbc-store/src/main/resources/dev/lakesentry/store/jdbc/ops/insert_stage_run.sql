-- Appends one stage run to the run log; the database numbers it.
INSERT INTO ops_stage_run (account_id, stage_name, as_of, partitions_text, rows_in, rows_out, step_rows_text, started_at,
                           finished_at, outcome, error_message, attempt, failing, process_name)
VALUES (:account_id, :stage_name, :as_of, :partitions_text, :rows_in, :rows_out, :step_rows_text, :started_at,
        :finished_at, :outcome, :error_message, :attempt, :failing, :process_name)
