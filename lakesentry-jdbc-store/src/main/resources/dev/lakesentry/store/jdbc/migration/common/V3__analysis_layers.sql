-- Metrics, insights and plans (ARCHITECTURE.md §5): written by the analysis stage only.

CREATE TABLE metric_cost_allocation (
    account_id VARCHAR(128) NOT NULL,
    usage_date DATE NOT NULL,
    record_id VARCHAR(128) NOT NULL,
    owner_kind VARCHAR(32) NOT NULL,
    owner_name VARCHAR(128) NOT NULL,
    share_fraction ${decimal} NOT NULL,
    amount ${decimal} NOT NULL,
    currency VARCHAR(3) NOT NULL,
    rule_id VARCHAR(128) NOT NULL,
    confidence VARCHAR(32) NOT NULL,
    CONSTRAINT pk_metric_cost_allocation PRIMARY KEY (account_id, usage_date, record_id, owner_kind, owner_name, rule_id)
);

CREATE TABLE metric_daily_cost (
    account_id VARCHAR(128) NOT NULL,
    usage_day DATE NOT NULL,
    dimension VARCHAR(32) NOT NULL,
    dim_key VARCHAR(400) NOT NULL,
    cost ${decimal} NOT NULL,
    currency VARCHAR(3) NOT NULL,
    quantity ${decimal} NOT NULL,
    unpriced_rows BIGINT NOT NULL,
    CONSTRAINT pk_metric_daily_cost PRIMARY KEY (account_id, usage_day, dimension, dim_key, currency)
);

CREATE TABLE metric_significance_score (
    account_id VARCHAR(128) NOT NULL,
    work_unit_type VARCHAR(32) NOT NULL,
    workspace_id VARCHAR(128) NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    as_of ${timestamp} NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    cost ${decimal} NOT NULL,
    currency VARCHAR(3) NOT NULL,
    components_json ${json} NOT NULL,
    badges VARCHAR(255) NOT NULL,
    CONSTRAINT pk_metric_significance_score PRIMARY KEY (account_id, work_unit_type, workspace_id, external_id)
);

CREATE TABLE insight_record (
    insight_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    insight_type VARCHAR(128) NOT NULL,
    severity VARCHAR(16) NOT NULL,
    subject_kind VARCHAR(32) NOT NULL,
    subject_id VARCHAR(400) NOT NULL,
    subject_workspace_id VARCHAR(128),
    window_start ${timestamp} NOT NULL,
    window_end ${timestamp} NOT NULL,
    impact_amount ${decimal} NOT NULL,
    impact_currency VARCHAR(3) NOT NULL,
    evidence_json ${json} NOT NULL,
    detector_id VARCHAR(255) NOT NULL,
    detector_params_json ${json} NOT NULL,
    detected_at ${timestamp} NOT NULL,
    CONSTRAINT pk_insight_record PRIMARY KEY (insight_id)
);

CREATE INDEX ix_insight_record_acct ON insight_record (account_id, insight_id);

CREATE TABLE plan_action_plan (
    plan_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    insight_id VARCHAR(64) NOT NULL,
    action_type VARCHAR(128) NOT NULL,
    target_kind VARCHAR(32) NOT NULL,
    target_workspace_id VARCHAR(128) NOT NULL,
    target_resource_id VARCHAR(255) NOT NULL,
    changes_json ${json} NOT NULL,
    saving_amount ${decimal} NOT NULL,
    saving_currency VARCHAR(3) NOT NULL,
    risk_tier VARCHAR(16) NOT NULL,
    reversible BOOLEAN NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT pk_plan_action_plan PRIMARY KEY (plan_id)
);

CREATE INDEX ix_plan_action_plan_acct ON plan_action_plan (account_id, plan_id);
