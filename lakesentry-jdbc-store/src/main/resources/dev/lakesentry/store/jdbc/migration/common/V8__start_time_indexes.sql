-- The ledger's per-partition steps read the node timeline and query history by start time.
CREATE INDEX ix_raw_compute_node_timeline_acct_start ON raw_compute_node_timeline (account_id, start_time);
CREATE INDEX ix_raw_query_history_acct_start ON raw_query_history (account_id, start_time);
CREATE INDEX ix_raw_serving_endpoint_usage_acct_time2 ON raw_serving_endpoint_usage (account_id, request_time, databricks_request_id);
