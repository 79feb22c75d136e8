-- Collector tokens (salted hashes only, never secrets), the ledger's build mark (the extraction sequence
-- the ledger reflects, written in the same transaction as the ledger rows), the team memberships the
-- identities step joins on, and the analysis layer's record of detection runs (which decides "resolved").

CREATE TABLE auth_collector_token (
    token_id VARCHAR(64) NOT NULL,
    connector_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    salt VARCHAR(64) NOT NULL,
    token_hash VARCHAR(128) NOT NULL,
    created_at ${timestamp} NOT NULL,
    revoked_at ${timestamp},
    CONSTRAINT pk_auth_collector_token PRIMARY KEY (token_id)
);

CREATE INDEX ix_auth_collector_token_acct ON auth_collector_token (account_id, created_at);

CREATE TABLE ledger_build_mark (
    account_id VARCHAR(128) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    CONSTRAINT pk_ledger_build_mark PRIMARY KEY (account_id)
);

CREATE TABLE ledger_team_membership (
    account_id VARCHAR(128) NOT NULL,
    position_no INTEGER NOT NULL,
    exact_match BOOLEAN NOT NULL,
    principal_lower VARCHAR(255),
    like_pattern VARCHAR(400),
    team VARCHAR(255) NOT NULL,
    CONSTRAINT pk_ledger_team_membership PRIMARY KEY (account_id, position_no)
);

CREATE TABLE insight_detection_run (
    account_id VARCHAR(128) NOT NULL,
    detector_id VARCHAR(255) NOT NULL,
    as_of ${timestamp} NOT NULL,
    CONSTRAINT pk_insight_detection_run PRIMARY KEY (account_id, detector_id)
);

-- Metric rollups computed in the store: cluster utilisation per day and query analytics per warehouse and day.
CREATE TABLE metric_cluster_daily (
    account_id VARCHAR(128) NOT NULL,
    usage_day DATE NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    cluster_id VARCHAR(128) NOT NULL,
    hours INTEGER NOT NULL,
    avg_cpu_percent DOUBLE PRECISION NOT NULL,
    max_p95_cpu_percent DOUBLE PRECISION NOT NULL,
    avg_memory_percent DOUBLE PRECISION NOT NULL,
    idle_hours INTEGER NOT NULL,
    CONSTRAINT pk_metric_cluster_daily PRIMARY KEY (account_id, usage_day, workspace_id, cluster_id)
);

CREATE TABLE metric_warehouse_query_daily (
    account_id VARCHAR(128) NOT NULL,
    usage_day DATE NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    warehouse_id VARCHAR(128) NOT NULL,
    query_count BIGINT NOT NULL,
    total_duration_ms BIGINT NOT NULL,
    p95_duration_ms BIGINT NOT NULL,
    read_bytes BIGINT NOT NULL,
    cost ${decimal} NOT NULL,
    CONSTRAINT pk_metric_warehouse_query_daily PRIMARY KEY (account_id, usage_day, workspace_id, warehouse_id)
);
