-- Raw layer (ARCHITECTURE.md §1, §3): the extraction registry, refused pushes and one append-only table per
-- Databricks system table. Placeholders (${timestamp}, ${decimal}, ${text}, ${json}, ${identity}) are set
-- by the dialect, so every database runs the same migration.

CREATE SEQUENCE raw_extraction_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE raw_extraction (
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    connector_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    table_name VARCHAR(64) NOT NULL,
    extraction_mode VARCHAR(16) NOT NULL,
    watermark_from ${timestamp},
    watermark_to ${timestamp},
    schema_version INTEGER NOT NULL,
    record_count BIGINT NOT NULL,
    rows_appended BIGINT NOT NULL,
    checksum VARCHAR(128) NOT NULL,
    receipt_status VARCHAR(32) NOT NULL,
    received_at ${timestamp} NOT NULL,
    CONSTRAINT pk_raw_extraction PRIMARY KEY (extraction_id),
    CONSTRAINT uq_raw_extraction_seq UNIQUE (extraction_seq)
);

CREATE INDEX ix_raw_extraction_acct ON raw_extraction (account_id, extraction_seq);

-- The transformation queue: the usage days each extraction touched, written with the extraction.
CREATE TABLE raw_extraction_day (
    account_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    usage_day DATE NOT NULL,
    CONSTRAINT pk_raw_extraction_day PRIMARY KEY (extraction_seq, usage_day)
);

CREATE INDEX ix_raw_extraction_day_acct ON raw_extraction_day (account_id, extraction_seq);

CREATE TABLE raw_rejection (
    entry_no ${identity},
    connector_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    table_name VARCHAR(64),
    extraction_id VARCHAR(255),
    reason ${text} NOT NULL,
    rejected_at ${timestamp} NOT NULL,
    CONSTRAINT pk_raw_rejection PRIMARY KEY (entry_no)
);

CREATE INDEX ix_raw_rejection_acct ON raw_rejection (account_id, rejected_at);

CREATE TABLE raw_billing_usage (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    record_id VARCHAR(255) NOT NULL,
    workspace_id VARCHAR(255),
    sku_name VARCHAR(255) NOT NULL,
    cloud VARCHAR(255) NOT NULL,
    usage_start_time ${timestamp} NOT NULL,
    usage_end_time ${timestamp} NOT NULL,
    usage_date DATE NOT NULL,
    usage_unit VARCHAR(255) NOT NULL,
    usage_quantity ${decimal} NOT NULL,
    record_type VARCHAR(255) NOT NULL,
    ingestion_date DATE NOT NULL,
    billing_origin_product VARCHAR(255),
    usage_type VARCHAR(255),
    cluster_id VARCHAR(255),
    warehouse_id VARCHAR(255),
    job_id VARCHAR(255),
    job_run_id VARCHAR(255),
    dlt_pipeline_id VARCHAR(255),
    endpoint_id VARCHAR(255),
    notebook_id VARCHAR(255),
    run_as VARCHAR(255),
    owned_by VARCHAR(255),
    is_serverless BOOLEAN,
    custom_tags_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_billing_usage PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_billing_usage_acct_time ON raw_billing_usage (account_id, usage_date);

CREATE TABLE raw_billing_list_prices (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    price_start_time ${timestamp} NOT NULL,
    price_end_time ${timestamp},
    sku_name VARCHAR(255) NOT NULL,
    cloud VARCHAR(255) NOT NULL,
    currency_code VARCHAR(255) NOT NULL,
    usage_unit VARCHAR(255) NOT NULL,
    price_default ${decimal},
    price_promotional ${decimal},
    price_effective_list ${decimal},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_billing_list_prices PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_billing_list_prices_acct ON raw_billing_list_prices (account_id, extraction_seq);

CREATE TABLE raw_compute_clusters (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    cluster_id VARCHAR(255) NOT NULL,
    cluster_name ${text},
    owned_by VARCHAR(255),
    create_time ${timestamp},
    delete_time ${timestamp},
    driver_node_type VARCHAR(255),
    worker_node_type VARCHAR(255),
    worker_count BIGINT,
    min_autoscale_workers BIGINT,
    max_autoscale_workers BIGINT,
    auto_termination_minutes BIGINT,
    enable_elastic_disk BOOLEAN,
    cluster_source VARCHAR(255),
    driver_instance_pool_id VARCHAR(255),
    worker_instance_pool_id VARCHAR(255),
    dbr_version VARCHAR(255),
    change_time ${timestamp} NOT NULL,
    change_date DATE,
    tags_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_compute_clusters PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_compute_clusters_acct_time ON raw_compute_clusters (account_id, change_time);

CREATE TABLE raw_compute_node_types (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    node_type VARCHAR(255) NOT NULL,
    core_count DOUBLE PRECISION,
    memory_mb BIGINT,
    gpu_count BIGINT,
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_compute_node_types PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_compute_node_types_acct ON raw_compute_node_types (account_id, extraction_seq);

CREATE TABLE raw_compute_node_timeline (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    cluster_id VARCHAR(255) NOT NULL,
    instance_id VARCHAR(255) NOT NULL,
    start_time ${timestamp} NOT NULL,
    end_time ${timestamp} NOT NULL,
    driver BOOLEAN,
    cpu_user_percent DOUBLE PRECISION,
    cpu_system_percent DOUBLE PRECISION,
    cpu_wait_percent DOUBLE PRECISION,
    mem_used_percent DOUBLE PRECISION,
    mem_swap_percent DOUBLE PRECISION,
    network_sent_bytes BIGINT,
    network_received_bytes BIGINT,
    node_type VARCHAR(255),
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_compute_node_timeline PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_compute_node_timeline_acct_time ON raw_compute_node_timeline (account_id, end_time);

CREATE TABLE raw_compute_warehouses (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    warehouse_id VARCHAR(255) NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    warehouse_name ${text},
    warehouse_type VARCHAR(255),
    warehouse_channel VARCHAR(255),
    warehouse_size VARCHAR(255),
    min_clusters INTEGER,
    max_clusters INTEGER,
    auto_stop_minutes INTEGER,
    change_time ${timestamp} NOT NULL,
    delete_time ${timestamp},
    tags_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_compute_warehouses PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_compute_warehouses_acct_time ON raw_compute_warehouses (account_id, change_time);

CREATE TABLE raw_compute_warehouse_events (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    warehouse_id VARCHAR(255) NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    cluster_count INTEGER,
    event_time ${timestamp} NOT NULL,
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_compute_warehouse_events PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_compute_warehouse_events_acct_time ON raw_compute_warehouse_events (account_id, event_time);

CREATE TABLE raw_lakeflow_jobs (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    job_id VARCHAR(255) NOT NULL,
    name ${text},
    description ${text},
    creator_id VARCHAR(255),
    change_time ${timestamp} NOT NULL,
    delete_time ${timestamp},
    run_as VARCHAR(255),
    trigger_type VARCHAR(255),
    tags_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_lakeflow_jobs PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_lakeflow_jobs_acct_time ON raw_lakeflow_jobs (account_id, change_time);

CREATE TABLE raw_lakeflow_job_run_timeline (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    job_id VARCHAR(255) NOT NULL,
    run_id VARCHAR(255) NOT NULL,
    period_start_time ${timestamp} NOT NULL,
    period_end_time ${timestamp} NOT NULL,
    trigger_type VARCHAR(255),
    run_type VARCHAR(255),
    run_name ${text},
    result_state VARCHAR(255),
    termination_code VARCHAR(255),
    compute_ids_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_lakeflow_job_run_timeline PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_lakeflow_job_run_timeline_acct_time ON raw_lakeflow_job_run_timeline (account_id, period_end_time);

CREATE TABLE raw_lakeflow_job_task_run_timeline (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    job_id VARCHAR(255) NOT NULL,
    run_id VARCHAR(255) NOT NULL,
    job_run_id VARCHAR(255),
    parent_run_id VARCHAR(255),
    period_start_time ${timestamp} NOT NULL,
    period_end_time ${timestamp} NOT NULL,
    task_key VARCHAR(255),
    result_state VARCHAR(255),
    termination_code VARCHAR(255),
    compute_ids_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_lakeflow_job_task_run_timeline PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_lakeflow_job_task_run_timeline_acct_time ON raw_lakeflow_job_task_run_timeline (account_id, period_end_time);

CREATE TABLE raw_lakeflow_pipelines (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    pipeline_id VARCHAR(255) NOT NULL,
    pipeline_type VARCHAR(255),
    name ${text},
    created_by VARCHAR(255),
    run_as VARCHAR(255),
    change_time ${timestamp} NOT NULL,
    delete_time ${timestamp},
    tags_json ${json},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_lakeflow_pipelines PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_lakeflow_pipelines_acct_time ON raw_lakeflow_pipelines (account_id, change_time);

CREATE TABLE raw_query_history (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    statement_id VARCHAR(255) NOT NULL,
    session_id VARCHAR(255),
    execution_status VARCHAR(255),
    executed_by_user_id VARCHAR(255),
    executed_by VARCHAR(255),
    statement_text ${text},
    statement_type VARCHAR(255),
    error_message ${text},
    client_application ${text},
    client_driver ${text},
    total_duration_ms BIGINT,
    waiting_for_compute_duration_ms BIGINT,
    waiting_at_capacity_duration_ms BIGINT,
    execution_duration_ms BIGINT,
    compilation_duration_ms BIGINT,
    total_task_duration_ms BIGINT,
    result_fetch_duration_ms BIGINT,
    start_time ${timestamp} NOT NULL,
    end_time ${timestamp} NOT NULL,
    update_time ${timestamp},
    read_partitions BIGINT,
    pruned_files BIGINT,
    read_files BIGINT,
    read_rows BIGINT,
    produced_rows BIGINT,
    read_bytes BIGINT,
    spilled_local_bytes BIGINT,
    written_bytes BIGINT,
    shuffle_read_bytes BIGINT,
    read_io_cache_percent INTEGER,
    from_result_cache BOOLEAN,
    executed_as VARCHAR(255),
    executed_as_user_id VARCHAR(255),
    compute_type VARCHAR(255),
    compute_warehouse_id VARCHAR(255),
    compute_cluster_id VARCHAR(255),
    source_job_id VARCHAR(255),
    source_job_run_id VARCHAR(255),
    source_job_task_run_id VARCHAR(255),
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_query_history PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_query_history_acct_time ON raw_query_history (account_id, end_time);

CREATE TABLE raw_serving_served_entities (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    served_entity_id VARCHAR(255) NOT NULL,
    served_entity_name ${text},
    entity_name ${text},
    entity_type VARCHAR(255),
    entity_version VARCHAR(255),
    endpoint_id VARCHAR(255) NOT NULL,
    endpoint_name ${text},
    endpoint_config_version BIGINT,
    created_by VARCHAR(255),
    workspace_id VARCHAR(255) NOT NULL,
    change_time ${timestamp} NOT NULL,
    endpoint_delete_time ${timestamp},
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_serving_served_entities PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_serving_served_entities_acct_time ON raw_serving_served_entities (account_id, change_time);

CREATE TABLE raw_serving_endpoint_usage (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    databricks_request_id VARCHAR(255) NOT NULL,
    client_request_id VARCHAR(255),
    served_entity_id VARCHAR(255) NOT NULL,
    requester VARCHAR(255),
    request_time ${timestamp} NOT NULL,
    status_code INTEGER,
    input_token_count BIGINT,
    output_token_count BIGINT,
    input_character_count BIGINT,
    output_character_count BIGINT,
    request_streaming BOOLEAN,
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_serving_endpoint_usage PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_serving_endpoint_usage_acct_time ON raw_serving_endpoint_usage (account_id, request_time);

CREATE TABLE raw_access_workspaces_latest (
    account_id VARCHAR(255) NOT NULL,
    extraction_id VARCHAR(255) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    row_pos INTEGER NOT NULL,
    workspace_id VARCHAR(255) NOT NULL,
    workspace_name ${text},
    workspace_url ${text},
    create_time ${timestamp},
    status VARCHAR(255),
    record_json ${json} NOT NULL,
    CONSTRAINT pk_raw_access_workspaces_latest PRIMARY KEY (extraction_seq, row_pos)
);

CREATE INDEX ix_raw_access_workspaces_latest_acct ON raw_access_workspaces_latest (account_id, extraction_seq);
