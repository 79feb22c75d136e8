-- Appends rows of system.billing.list_prices through the COPY protocol (text format).
COPY raw_billing_list_prices (account_id, extraction_id, extraction_seq, row_pos, price_start_time, price_end_time, sku_name, cloud, currency_code, usage_unit, price_default, price_promotional, price_effective_list, record_json) FROM STDIN
