-- The raw layer, review events and the action log are append-only (ARCHITECTURE.md §1): the store's DAOs
-- have no UPDATE or DELETE for them, and these triggers refuse both from any other client too.

CREATE TRIGGER raw_extraction_append_only BEFORE UPDATE, DELETE ON raw_extraction FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_rejection_append_only BEFORE UPDATE, DELETE ON raw_rejection FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_billing_usage_append_only BEFORE UPDATE, DELETE ON raw_billing_usage FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_billing_list_prices_append_only BEFORE UPDATE, DELETE ON raw_billing_list_prices FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_compute_clusters_append_only BEFORE UPDATE, DELETE ON raw_compute_clusters FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_compute_node_types_append_only BEFORE UPDATE, DELETE ON raw_compute_node_types FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_compute_node_timeline_append_only BEFORE UPDATE, DELETE ON raw_compute_node_timeline FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_compute_warehouses_append_only BEFORE UPDATE, DELETE ON raw_compute_warehouses FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_compute_warehouse_events_append_only BEFORE UPDATE, DELETE ON raw_compute_warehouse_events FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_lakeflow_jobs_append_only BEFORE UPDATE, DELETE ON raw_lakeflow_jobs FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_lakeflow_job_run_timeline_append_only BEFORE UPDATE, DELETE ON raw_lakeflow_job_run_timeline FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_lakeflow_job_task_run_timeline_append_only BEFORE UPDATE, DELETE ON raw_lakeflow_job_task_run_timeline FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_lakeflow_pipelines_append_only BEFORE UPDATE, DELETE ON raw_lakeflow_pipelines FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_query_history_append_only BEFORE UPDATE, DELETE ON raw_query_history FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_serving_served_entities_append_only BEFORE UPDATE, DELETE ON raw_serving_served_entities FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_serving_endpoint_usage_append_only BEFORE UPDATE, DELETE ON raw_serving_endpoint_usage FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER raw_access_workspaces_latest_append_only BEFORE UPDATE, DELETE ON raw_access_workspaces_latest FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER review_insight_review_append_only BEFORE UPDATE, DELETE ON review_insight_review FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER review_plan_review_append_only BEFORE UPDATE, DELETE ON review_plan_review FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER action_record_append_only BEFORE UPDATE, DELETE ON action_record FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';

-- Stage locks on H2 are row locks on this table, held by an open transaction of the lease's connection.
CREATE TABLE store_stage_lock (
    account_id VARCHAR(255) NOT NULL,
    stage_name VARCHAR(32) NOT NULL,
    CONSTRAINT pk_store_stage_lock PRIMARY KEY (account_id, stage_name)
);

CREATE TRIGGER raw_extraction_day_append_only BEFORE UPDATE, DELETE ON raw_extraction_day FOR EACH ROW
    CALL 'dev.lakesentry.store.jdbc.internal.AppendOnlyTrigger';
