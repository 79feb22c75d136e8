-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_billing_list_prices (account_id, extraction_id, extraction_seq, row_pos, price_start_time, price_end_time, sku_name, cloud, currency_code, usage_unit, price_default, price_promotional, price_effective_list, record_json)
VALUES
