-- Records one refused push.
INSERT INTO raw_rejection (connector_id, account_id, table_name, extraction_id, reason, rejected_at)
VALUES (:connector_id, :account_id, :table_name, :extraction_id, :reason, :rejected_at)
