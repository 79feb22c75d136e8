-- Inserts one daily cost.
INSERT INTO metric_daily_cost (account_id, usage_day, dimension, dim_key, cost, currency, quantity, unpriced_rows)
VALUES (:account_id, :usage_day, :dimension, :dim_key, :cost, :currency, :quantity, :unpriced_rows)
