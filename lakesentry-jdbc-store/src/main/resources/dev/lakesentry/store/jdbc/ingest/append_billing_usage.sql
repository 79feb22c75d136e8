-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_billing_usage (account_id, extraction_id, extraction_seq, row_pos, record_id, workspace_id, sku_name, cloud, usage_start_time, usage_end_time, usage_date, usage_unit, usage_quantity, record_type, ingestion_date, billing_origin_product, usage_type, cluster_id, warehouse_id, job_id, job_run_id, dlt_pipeline_id, endpoint_id, notebook_id, run_as, owned_by, is_serverless, custom_tags_json, record_json)
VALUES
