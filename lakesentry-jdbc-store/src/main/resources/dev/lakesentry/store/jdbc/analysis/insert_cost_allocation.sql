-- Inserts one allocation.
INSERT INTO metric_cost_allocation (account_id, usage_date, record_id, owner_kind, owner_name, share_fraction, amount, currency, rule_id, confidence)
VALUES (:account_id, :usage_date, :record_id, :owner_kind, :owner_name, :share_fraction, :amount, :currency, :rule_id, :confidence)
