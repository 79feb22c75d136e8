-- The raw layer, review events and the action log are append-only (ARCHITECTURE.md §1): the store's DAOs
-- have no UPDATE or DELETE for them, and these triggers refuse both from any other client too.

CREATE TRIGGER raw_extraction_no_update BEFORE UPDATE ON raw_extraction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_extraction is append-only: UPDATE is refused';

CREATE TRIGGER raw_extraction_no_delete BEFORE DELETE ON raw_extraction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_extraction is append-only: DELETE is refused';

CREATE TRIGGER raw_rejection_no_update BEFORE UPDATE ON raw_rejection FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_rejection is append-only: UPDATE is refused';

CREATE TRIGGER raw_rejection_no_delete BEFORE DELETE ON raw_rejection FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_rejection is append-only: DELETE is refused';

CREATE TRIGGER raw_billing_usage_no_update BEFORE UPDATE ON raw_billing_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_billing_usage is append-only: UPDATE is refused';

CREATE TRIGGER raw_billing_usage_no_delete BEFORE DELETE ON raw_billing_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_billing_usage is append-only: DELETE is refused';

CREATE TRIGGER raw_billing_list_prices_no_update BEFORE UPDATE ON raw_billing_list_prices FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_billing_list_prices is append-only: UPDATE is refused';

CREATE TRIGGER raw_billing_list_prices_no_delete BEFORE DELETE ON raw_billing_list_prices FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_billing_list_prices is append-only: DELETE is refused';

CREATE TRIGGER raw_compute_clusters_no_update BEFORE UPDATE ON raw_compute_clusters FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_clusters is append-only: UPDATE is refused';

CREATE TRIGGER raw_compute_clusters_no_delete BEFORE DELETE ON raw_compute_clusters FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_clusters is append-only: DELETE is refused';

CREATE TRIGGER raw_compute_node_types_no_update BEFORE UPDATE ON raw_compute_node_types FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_node_types is append-only: UPDATE is refused';

CREATE TRIGGER raw_compute_node_types_no_delete BEFORE DELETE ON raw_compute_node_types FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_node_types is append-only: DELETE is refused';

CREATE TRIGGER raw_compute_node_timeline_no_update BEFORE UPDATE ON raw_compute_node_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_node_timeline is append-only: UPDATE is refused';

CREATE TRIGGER raw_compute_node_timeline_no_delete BEFORE DELETE ON raw_compute_node_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_node_timeline is append-only: DELETE is refused';

CREATE TRIGGER raw_compute_warehouses_no_update BEFORE UPDATE ON raw_compute_warehouses FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_warehouses is append-only: UPDATE is refused';

CREATE TRIGGER raw_compute_warehouses_no_delete BEFORE DELETE ON raw_compute_warehouses FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_warehouses is append-only: DELETE is refused';

CREATE TRIGGER raw_compute_warehouse_events_no_update BEFORE UPDATE ON raw_compute_warehouse_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_warehouse_events is append-only: UPDATE is refused';

CREATE TRIGGER raw_compute_warehouse_events_no_delete BEFORE DELETE ON raw_compute_warehouse_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_compute_warehouse_events is append-only: DELETE is refused';

CREATE TRIGGER raw_lakeflow_jobs_no_update BEFORE UPDATE ON raw_lakeflow_jobs FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_jobs is append-only: UPDATE is refused';

CREATE TRIGGER raw_lakeflow_jobs_no_delete BEFORE DELETE ON raw_lakeflow_jobs FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_jobs is append-only: DELETE is refused';

CREATE TRIGGER raw_lakeflow_job_run_timeline_no_update BEFORE UPDATE ON raw_lakeflow_job_run_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_job_run_timeline is append-only: UPDATE is refused';

CREATE TRIGGER raw_lakeflow_job_run_timeline_no_delete BEFORE DELETE ON raw_lakeflow_job_run_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_job_run_timeline is append-only: DELETE is refused';

CREATE TRIGGER raw_lakeflow_job_task_run_timeline_no_update BEFORE UPDATE ON raw_lakeflow_job_task_run_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_job_task_run_timeline is append-only: UPDATE is refused';

CREATE TRIGGER raw_lakeflow_job_task_run_timeline_no_delete BEFORE DELETE ON raw_lakeflow_job_task_run_timeline FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_job_task_run_timeline is append-only: DELETE is refused';

CREATE TRIGGER raw_lakeflow_pipelines_no_update BEFORE UPDATE ON raw_lakeflow_pipelines FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_pipelines is append-only: UPDATE is refused';

CREATE TRIGGER raw_lakeflow_pipelines_no_delete BEFORE DELETE ON raw_lakeflow_pipelines FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_lakeflow_pipelines is append-only: DELETE is refused';

CREATE TRIGGER raw_query_history_no_update BEFORE UPDATE ON raw_query_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_query_history is append-only: UPDATE is refused';

CREATE TRIGGER raw_query_history_no_delete BEFORE DELETE ON raw_query_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_query_history is append-only: DELETE is refused';

CREATE TRIGGER raw_serving_served_entities_no_update BEFORE UPDATE ON raw_serving_served_entities FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_serving_served_entities is append-only: UPDATE is refused';

CREATE TRIGGER raw_serving_served_entities_no_delete BEFORE DELETE ON raw_serving_served_entities FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_serving_served_entities is append-only: DELETE is refused';

CREATE TRIGGER raw_serving_endpoint_usage_no_update BEFORE UPDATE ON raw_serving_endpoint_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_serving_endpoint_usage is append-only: UPDATE is refused';

CREATE TRIGGER raw_serving_endpoint_usage_no_delete BEFORE DELETE ON raw_serving_endpoint_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_serving_endpoint_usage is append-only: DELETE is refused';

CREATE TRIGGER raw_access_workspaces_latest_no_update BEFORE UPDATE ON raw_access_workspaces_latest FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_access_workspaces_latest is append-only: UPDATE is refused';

CREATE TRIGGER raw_access_workspaces_latest_no_delete BEFORE DELETE ON raw_access_workspaces_latest FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_access_workspaces_latest is append-only: DELETE is refused';

CREATE TRIGGER review_insight_review_no_update BEFORE UPDATE ON review_insight_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table review_insight_review is append-only: UPDATE is refused';

CREATE TRIGGER review_insight_review_no_delete BEFORE DELETE ON review_insight_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table review_insight_review is append-only: DELETE is refused';

CREATE TRIGGER review_plan_review_no_update BEFORE UPDATE ON review_plan_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table review_plan_review is append-only: UPDATE is refused';

CREATE TRIGGER review_plan_review_no_delete BEFORE DELETE ON review_plan_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table review_plan_review is append-only: DELETE is refused';

CREATE TRIGGER action_record_no_update BEFORE UPDATE ON action_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table action_record is append-only: UPDATE is refused';

CREATE TRIGGER action_record_no_delete BEFORE DELETE ON action_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table action_record is append-only: DELETE is refused';


CREATE TRIGGER raw_extraction_day_no_update BEFORE UPDATE ON raw_extraction_day FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_extraction_day is append-only: UPDATE is refused';

CREATE TRIGGER raw_extraction_day_no_delete BEFORE DELETE ON raw_extraction_day FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'table raw_extraction_day is append-only: DELETE is refused';
