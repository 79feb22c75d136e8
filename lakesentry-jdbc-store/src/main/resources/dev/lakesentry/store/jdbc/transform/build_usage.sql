-- USAGE: every billing row of the partition (latest copy per record id; corrections are rows of their own),
-- priced as quantity x the list price valid at usage_end_time for its SKU, cloud, unit and currency. A row
-- with no price, or with more than one (overlapping price periods), is kept unpriced with that status.
INSERT INTO ledger_usage_line_item (account_id, record_id, workspace_id, usage_date, usage_start_time, usage_end_time,
    sku_name, cloud, usage_unit, quantity, record_type, ingestion_date, product,
    work_unit_type, work_unit_workspace_id, work_unit_external_id,
    cluster_id, warehouse_id, job_id, job_run_id, pipeline_id, endpoint_id, notebook_id, run_as, owned_by,
    custom_tags_json, serverless, unit_price, list_cost, list_cost_currency, price_status, provisional)
SELECT x.account_id, x.record_id, x.workspace_id, x.usage_date, x.usage_start_time, x.usage_end_time,
       x.sku_name, x.cloud, x.usage_unit, x.usage_quantity, x.record_type, x.ingestion_date, x.billing_origin_product,
       x.wu_type,
       CASE WHEN x.wu_type IS NULL THEN NULL ELSE x.workspace_id END,
       CASE x.wu_type WHEN 'JOB' THEN x.job_id WHEN 'PIPELINE' THEN x.dlt_pipeline_id WHEN 'SQL_WAREHOUSE' THEN x.warehouse_id
                      WHEN 'SERVING_ENDPOINT' THEN x.endpoint_id WHEN 'INTERACTIVE_CLUSTER' THEN x.cluster_id END,
       x.cluster_id, x.warehouse_id, x.job_id, x.job_run_id, x.dlt_pipeline_id, x.endpoint_id, x.notebook_id,
       x.run_as, x.owned_by, COALESCE(x.custom_tags_json, '{}'), COALESCE(x.is_serverless, FALSE),
       CASE WHEN x.price_count = 1 THEN x.unit_price END,
       CASE WHEN x.price_count = 1 THEN ROUND(x.usage_quantity * x.unit_price, 18) END,
       CASE WHEN x.price_count = 1 THEN :currency END,
       CASE WHEN x.price_count = 1 THEN 'PRICED' WHEN x.price_count > 1 THEN 'AMBIGUOUS_PRICE' ELSE 'NO_PRICE' END,
       FALSE
FROM (SELECT u.*,
             CASE WHEN u.job_id IS NOT NULL AND u.workspace_id IS NOT NULL THEN 'JOB'
                  WHEN u.dlt_pipeline_id IS NOT NULL AND u.workspace_id IS NOT NULL THEN 'PIPELINE'
                  WHEN u.warehouse_id IS NOT NULL AND u.workspace_id IS NOT NULL THEN 'SQL_WAREHOUSE'
                  WHEN u.endpoint_id IS NOT NULL AND u.workspace_id IS NOT NULL THEN 'SERVING_ENDPOINT'
                  WHEN u.cluster_id IS NOT NULL AND u.workspace_id IS NOT NULL AND EXISTS (
                      SELECT 1 FROM ledger_cluster_version c
                      WHERE c.account_id = u.account_id AND c.workspace_id = u.workspace_id AND c.cluster_id = u.cluster_id
                        AND c.cluster_source IN ('UI', 'API')) THEN 'INTERACTIVE_CLUSTER'
             END AS wu_type,
             (SELECT COUNT(*) FROM ledger_sku_price p
              WHERE p.account_id = u.account_id AND p.sku_name = u.sku_name AND p.cloud = u.cloud
                AND p.usage_unit = u.usage_unit AND p.currency_code = :currency
                AND u.usage_end_time >= p.price_start AND (p.price_end IS NULL OR u.usage_end_time < p.price_end)) AS price_count,
             (SELECT MAX(p.unit_price) FROM ledger_sku_price p
              WHERE p.account_id = u.account_id AND p.sku_name = u.sku_name AND p.cloud = u.cloud
                AND p.usage_unit = u.usage_unit AND p.currency_code = :currency
                AND u.usage_end_time >= p.price_start AND (p.price_end IS NULL OR u.usage_end_time < p.price_end)) AS unit_price
      FROM (SELECT r.account_id, r.record_id, r.workspace_id, r.usage_date, r.usage_start_time, r.usage_end_time,
                   r.sku_name, r.cloud, r.usage_unit, r.usage_quantity, r.record_type, r.ingestion_date,
                   r.billing_origin_product, r.cluster_id, r.warehouse_id, r.job_id, r.job_run_id, r.dlt_pipeline_id,
                   r.endpoint_id, r.notebook_id, r.run_as, r.owned_by, r.custom_tags_json, r.is_serverless,
                   ROW_NUMBER() OVER (PARTITION BY r.record_id ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
            FROM raw_billing_usage r
            WHERE r.account_id = :account_id AND r.usage_date BETWEEN :from_day AND :to_day) u
      WHERE u.rn = 1) x
