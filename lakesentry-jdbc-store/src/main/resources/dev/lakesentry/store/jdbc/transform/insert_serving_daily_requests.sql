-- Inserts one ledger_serving_daily_requests row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_serving_daily_requests (account_id, workspace_id, endpoint_id, usage_day, requests, input_tokens, output_tokens)
VALUES (:account_id, :workspace_id, :endpoint_id, :usage_day, :requests, :input_tokens, :output_tokens)
