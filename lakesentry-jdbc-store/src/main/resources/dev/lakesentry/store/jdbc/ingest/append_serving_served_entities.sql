-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_serving_served_entities (account_id, extraction_id, extraction_seq, row_pos, served_entity_id, served_entity_name, entity_name, entity_type, entity_version, endpoint_id, endpoint_name, endpoint_config_version, created_by, workspace_id, change_time, endpoint_delete_time, record_json)
VALUES
