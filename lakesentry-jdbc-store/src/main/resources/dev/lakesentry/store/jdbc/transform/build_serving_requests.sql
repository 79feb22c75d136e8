-- SERVING_REQUESTS: requests per serving endpoint and UTC day of the partition (latest copy per request),
-- through each served entity's latest endpoint.
INSERT INTO ledger_serving_daily_requests (account_id, workspace_id, endpoint_id, usage_day, requests, input_tokens, output_tokens)
SELECT e.account_id, e.workspace_id, s.endpoint_id, CAST(e.request_time AS DATE), COUNT(*),
       COALESCE(SUM(e.input_token_count), 0), COALESCE(SUM(e.output_token_count), 0)
FROM (SELECT r.account_id, r.workspace_id, r.served_entity_id, r.request_time, r.input_token_count, r.output_token_count,
             ROW_NUMBER() OVER (PARTITION BY r.databricks_request_id ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_serving_endpoint_usage r
      WHERE r.account_id = :account_id AND r.request_time >= :from_time AND r.request_time < :to_time) e
JOIN (SELECT workspace_id, served_entity_id, endpoint_id
      FROM (SELECT r.workspace_id, r.served_entity_id, r.endpoint_id,
                   ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.served_entity_id
                                      ORDER BY r.change_time DESC, r.extraction_seq DESC, r.row_pos DESC) AS rn
            FROM raw_serving_served_entities r WHERE r.account_id = :account_id) z
      WHERE z.rn = 1) s
  ON s.workspace_id = e.workspace_id AND s.served_entity_id = e.served_entity_id
WHERE e.rn = 1
GROUP BY e.account_id, e.workspace_id, s.endpoint_id, CAST(e.request_time AS DATE)
