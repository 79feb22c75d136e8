-- Planted violation: the transformation stage must never write the raw layer.
UPDATE raw_billing_usage SET usage_quantity = 0 WHERE account_id = :account_id
