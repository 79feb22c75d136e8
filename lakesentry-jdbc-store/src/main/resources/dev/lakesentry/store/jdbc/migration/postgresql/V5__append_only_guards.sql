-- The raw layer, review events and the action log are append-only (ARCHITECTURE.md §1): the store's DAOs
-- have no UPDATE or DELETE for them, and these triggers refuse both from any other client too.

CREATE FUNCTION lakesentry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '55000';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER raw_extraction_append_only BEFORE UPDATE OR DELETE ON raw_extraction
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_extraction_no_truncate BEFORE TRUNCATE ON raw_extraction
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_rejection_append_only BEFORE UPDATE OR DELETE ON raw_rejection
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_rejection_no_truncate BEFORE TRUNCATE ON raw_rejection
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_billing_usage_append_only BEFORE UPDATE OR DELETE ON raw_billing_usage
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_billing_usage_no_truncate BEFORE TRUNCATE ON raw_billing_usage
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_billing_list_prices_append_only BEFORE UPDATE OR DELETE ON raw_billing_list_prices
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_billing_list_prices_no_truncate BEFORE TRUNCATE ON raw_billing_list_prices
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_compute_clusters_append_only BEFORE UPDATE OR DELETE ON raw_compute_clusters
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_compute_clusters_no_truncate BEFORE TRUNCATE ON raw_compute_clusters
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_compute_node_types_append_only BEFORE UPDATE OR DELETE ON raw_compute_node_types
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_compute_node_types_no_truncate BEFORE TRUNCATE ON raw_compute_node_types
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_compute_node_timeline_append_only BEFORE UPDATE OR DELETE ON raw_compute_node_timeline
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_compute_node_timeline_no_truncate BEFORE TRUNCATE ON raw_compute_node_timeline
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_compute_warehouses_append_only BEFORE UPDATE OR DELETE ON raw_compute_warehouses
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_compute_warehouses_no_truncate BEFORE TRUNCATE ON raw_compute_warehouses
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_compute_warehouse_events_append_only BEFORE UPDATE OR DELETE ON raw_compute_warehouse_events
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_compute_warehouse_events_no_truncate BEFORE TRUNCATE ON raw_compute_warehouse_events
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_lakeflow_jobs_append_only BEFORE UPDATE OR DELETE ON raw_lakeflow_jobs
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_lakeflow_jobs_no_truncate BEFORE TRUNCATE ON raw_lakeflow_jobs
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_lakeflow_job_run_timeline_append_only BEFORE UPDATE OR DELETE ON raw_lakeflow_job_run_timeline
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_lakeflow_job_run_timeline_no_truncate BEFORE TRUNCATE ON raw_lakeflow_job_run_timeline
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_lakeflow_job_task_run_timeline_append_only BEFORE UPDATE OR DELETE ON raw_lakeflow_job_task_run_timeline
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_lakeflow_job_task_run_timeline_no_truncate BEFORE TRUNCATE ON raw_lakeflow_job_task_run_timeline
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_lakeflow_pipelines_append_only BEFORE UPDATE OR DELETE ON raw_lakeflow_pipelines
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_lakeflow_pipelines_no_truncate BEFORE TRUNCATE ON raw_lakeflow_pipelines
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_query_history_append_only BEFORE UPDATE OR DELETE ON raw_query_history
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_query_history_no_truncate BEFORE TRUNCATE ON raw_query_history
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_serving_served_entities_append_only BEFORE UPDATE OR DELETE ON raw_serving_served_entities
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_serving_served_entities_no_truncate BEFORE TRUNCATE ON raw_serving_served_entities
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_serving_endpoint_usage_append_only BEFORE UPDATE OR DELETE ON raw_serving_endpoint_usage
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_serving_endpoint_usage_no_truncate BEFORE TRUNCATE ON raw_serving_endpoint_usage
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_access_workspaces_latest_append_only BEFORE UPDATE OR DELETE ON raw_access_workspaces_latest
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_access_workspaces_latest_no_truncate BEFORE TRUNCATE ON raw_access_workspaces_latest
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER review_insight_review_append_only BEFORE UPDATE OR DELETE ON review_insight_review
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER review_insight_review_no_truncate BEFORE TRUNCATE ON review_insight_review
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER review_plan_review_append_only BEFORE UPDATE OR DELETE ON review_plan_review
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER review_plan_review_no_truncate BEFORE TRUNCATE ON review_plan_review
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER action_record_append_only BEFORE UPDATE OR DELETE ON action_record
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER action_record_no_truncate BEFORE TRUNCATE ON action_record
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();

CREATE TRIGGER raw_extraction_day_append_only BEFORE UPDATE OR DELETE ON raw_extraction_day
    FOR EACH ROW EXECUTE FUNCTION lakesentry_refuse_change();
CREATE TRIGGER raw_extraction_day_no_truncate BEFORE TRUNCATE ON raw_extraction_day
    FOR EACH STATEMENT EXECUTE FUNCTION lakesentry_refuse_change();
