-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_serving_endpoint_usage (account_id, extraction_id, extraction_seq, row_pos, workspace_id, databricks_request_id, client_request_id, served_entity_id, requester, request_time, status_code, input_token_count, output_token_count, input_character_count, output_character_count, request_streaming, record_json)
VALUES
