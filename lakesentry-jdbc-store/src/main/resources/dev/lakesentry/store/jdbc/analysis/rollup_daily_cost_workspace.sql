-- Rollup: cost per day and workspace of the partition from the ledger's line items: the priced cost at full
-- precision, the quantity, and how many rows could not be priced.
INSERT INTO metric_daily_cost (account_id, usage_day, dimension, dim_key, cost, currency, quantity, unpriced_rows)
SELECT l.account_id, l.usage_date, 'WORKSPACE', COALESCE(l.workspace_id, 'account'),
       COALESCE(SUM(l.list_cost), 0), COALESCE(l.list_cost_currency, 'USD'), SUM(l.quantity),
       SUM(CASE WHEN l.price_status = 'PRICED' THEN 0 ELSE 1 END)
FROM ledger_usage_line_item l
WHERE l.account_id = :account_id AND l.usage_date BETWEEN :from_day AND :to_day
GROUP BY l.account_id, l.usage_date, COALESCE(l.workspace_id, 'account'), COALESCE(l.list_cost_currency, 'USD')
