-- Ledger layer (ARCHITECTURE.md §4): one table per ledger entity of dev.lakesentry.api.ledger. Undated
-- entities are keyed by account and natural key; dated ones also carry an index on account and day/time,
-- the access path of partition rewrites and readers. Maps and lists are canonical JSON text.

CREATE TABLE ledger_workspace (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    workspace_name ${text},
    workspace_url ${text},
    status VARCHAR(64),
    create_time ${timestamp},
    CONSTRAINT pk_ledger_workspace PRIMARY KEY (account_id, workspace_id)
);

CREATE TABLE ledger_warehouse_version (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    warehouse_id VARCHAR(128) NOT NULL,
    warehouse_name ${text},
    warehouse_type VARCHAR(64),
    warehouse_size VARCHAR(64),
    min_clusters INTEGER,
    max_clusters INTEGER,
    auto_stop_minutes INTEGER,
    tags_json ${json} NOT NULL,
    valid_from ${timestamp} NOT NULL,
    valid_to ${timestamp},
    delete_time ${timestamp},
    CONSTRAINT pk_ledger_warehouse_version PRIMARY KEY (account_id, workspace_id, warehouse_id, valid_from)
);

CREATE TABLE ledger_sku_price (
    account_id VARCHAR(128) NOT NULL,
    sku_name VARCHAR(128) NOT NULL,
    cloud VARCHAR(32) NOT NULL,
    currency_code VARCHAR(3) NOT NULL,
    usage_unit VARCHAR(64) NOT NULL,
    price_start ${timestamp} NOT NULL,
    price_end ${timestamp},
    unit_price ${decimal} NOT NULL,
    default_price ${decimal},
    CONSTRAINT pk_ledger_sku_price PRIMARY KEY (account_id, sku_name, cloud, currency_code, usage_unit, price_start)
);

CREATE TABLE ledger_node_type (
    account_id VARCHAR(128) NOT NULL,
    node_type VARCHAR(128) NOT NULL,
    core_count DOUBLE PRECISION NOT NULL,
    memory_mb BIGINT NOT NULL,
    gpu_count BIGINT NOT NULL,
    CONSTRAINT pk_ledger_node_type PRIMARY KEY (account_id, node_type)
);

CREATE TABLE ledger_identity (
    account_id VARCHAR(128) NOT NULL,
    principal VARCHAR(255) NOT NULL,
    principal_kind VARCHAR(32) NOT NULL,
    team VARCHAR(255),
    CONSTRAINT pk_ledger_identity PRIMARY KEY (account_id, principal)
);

CREATE TABLE ledger_cluster_version (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    cluster_id VARCHAR(128) NOT NULL,
    cluster_name ${text},
    owner_name VARCHAR(255),
    valid_from ${timestamp} NOT NULL,
    valid_to ${timestamp},
    worker_count BIGINT,
    min_autoscale_workers BIGINT,
    max_autoscale_workers BIGINT,
    driver_node_type VARCHAR(128),
    worker_node_type VARCHAR(128),
    auto_termination_minutes BIGINT,
    cluster_source VARCHAR(64),
    tags_json ${json} NOT NULL,
    create_time ${timestamp},
    delete_time ${timestamp},
    CONSTRAINT pk_ledger_cluster_version PRIMARY KEY (account_id, workspace_id, cluster_id, valid_from)
);

CREATE TABLE ledger_work_unit (
    account_id VARCHAR(128) NOT NULL,
    work_unit_type VARCHAR(32) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    unit_name ${text},
    owner_name VARCHAR(255),
    tags_json ${json} NOT NULL,
    first_seen ${timestamp},
    deleted_at ${timestamp},
    CONSTRAINT pk_ledger_work_unit PRIMARY KEY (account_id, work_unit_type, workspace_id, external_id)
);

CREATE TABLE ledger_work_unit_run (
    account_id VARCHAR(128) NOT NULL,
    work_unit_type VARCHAR(32) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    run_id VARCHAR(128) NOT NULL,
    start_time ${timestamp} NOT NULL,
    end_time ${timestamp} NOT NULL,
    result_state VARCHAR(64),
    trigger_type VARCHAR(64),
    attempt INTEGER NOT NULL,
    compute_ids_json ${json} NOT NULL,
    CONSTRAINT pk_ledger_work_unit_run PRIMARY KEY (account_id, work_unit_type, workspace_id, external_id, run_id)
);

CREATE INDEX ix_ledger_work_unit_run_acct_time ON ledger_work_unit_run (account_id, start_time);

CREATE TABLE ledger_usage_line_item (
    account_id VARCHAR(128) NOT NULL,
    record_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128),
    usage_date DATE NOT NULL,
    usage_start_time ${timestamp} NOT NULL,
    usage_end_time ${timestamp} NOT NULL,
    sku_name VARCHAR(128) NOT NULL,
    cloud VARCHAR(32) NOT NULL,
    usage_unit VARCHAR(64) NOT NULL,
    quantity ${decimal} NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    ingestion_date DATE NOT NULL,
    product VARCHAR(128),
    work_unit_type VARCHAR(32),
    work_unit_workspace_id VARCHAR(128),
    work_unit_external_id VARCHAR(128),
    cluster_id VARCHAR(128),
    warehouse_id VARCHAR(128),
    job_id VARCHAR(128),
    job_run_id VARCHAR(128),
    pipeline_id VARCHAR(128),
    endpoint_id VARCHAR(128),
    notebook_id VARCHAR(128),
    run_as VARCHAR(255),
    owned_by VARCHAR(255),
    custom_tags_json ${json} NOT NULL,
    serverless BOOLEAN NOT NULL,
    unit_price ${decimal},
    list_cost ${decimal},
    list_cost_currency VARCHAR(3),
    price_status VARCHAR(32) NOT NULL,
    provisional BOOLEAN NOT NULL,
    CONSTRAINT pk_ledger_usage_line_item PRIMARY KEY (account_id, record_id)
);

CREATE INDEX ix_ledger_usage_line_item_acct_day ON ledger_usage_line_item (account_id, usage_date);

CREATE TABLE ledger_warehouse_uptime (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    warehouse_id VARCHAR(128) NOT NULL,
    start_time ${timestamp} NOT NULL,
    end_time ${timestamp} NOT NULL,
    cluster_count INTEGER NOT NULL,
    CONSTRAINT pk_ledger_warehouse_uptime PRIMARY KEY (account_id, workspace_id, warehouse_id, start_time)
);

CREATE INDEX ix_ledger_warehouse_uptime_acct_time ON ledger_warehouse_uptime (account_id, start_time);

CREATE TABLE ledger_query (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    statement_id VARCHAR(128) NOT NULL,
    warehouse_id VARCHAR(128),
    executed_by VARCHAR(255),
    execution_status VARCHAR(32),
    start_time ${timestamp} NOT NULL,
    end_time ${timestamp} NOT NULL,
    total_duration_nanos BIGINT NOT NULL,
    read_bytes BIGINT NOT NULL,
    work_unit_type VARCHAR(32),
    work_unit_workspace_id VARCHAR(128),
    work_unit_external_id VARCHAR(128),
    CONSTRAINT pk_ledger_query PRIMARY KEY (account_id, statement_id)
);

CREATE INDEX ix_ledger_query_acct_time ON ledger_query (account_id, start_time);

CREATE TABLE ledger_hourly_utilisation (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    cluster_id VARCHAR(128) NOT NULL,
    hour_start ${timestamp} NOT NULL,
    avg_cpu_percent DOUBLE PRECISION NOT NULL,
    p95_cpu_percent DOUBLE PRECISION NOT NULL,
    avg_memory_percent DOUBLE PRECISION NOT NULL,
    node_count INTEGER NOT NULL,
    samples INTEGER NOT NULL,
    CONSTRAINT pk_ledger_hourly_utilisation PRIMARY KEY (account_id, workspace_id, cluster_id, hour_start)
);

CREATE INDEX ix_ledger_hourly_utilisation_acct_time ON ledger_hourly_utilisation (account_id, hour_start);

CREATE TABLE ledger_serving_daily_requests (
    account_id VARCHAR(128) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    endpoint_id VARCHAR(128) NOT NULL,
    usage_day DATE NOT NULL,
    requests BIGINT NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    CONSTRAINT pk_ledger_serving_daily_requests PRIMARY KEY (account_id, workspace_id, endpoint_id, usage_day)
);

CREATE INDEX ix_ledger_serving_daily_requests_acct_day ON ledger_serving_daily_requests (account_id, usage_day);
