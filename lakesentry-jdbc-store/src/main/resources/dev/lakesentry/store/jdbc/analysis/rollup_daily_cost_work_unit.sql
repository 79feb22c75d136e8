-- Rollup: cost per day and work_unit of the partition from the ledger's line items: the priced cost at full
-- precision, the quantity, and how many rows could not be priced.
INSERT INTO metric_daily_cost (account_id, usage_day, dimension, dim_key, cost, currency, quantity, unpriced_rows)
SELECT l.account_id, l.usage_date, 'WORK_UNIT', CONCAT(l.work_unit_type, ':', l.work_unit_workspace_id, ':', l.work_unit_external_id),
       COALESCE(SUM(l.list_cost), 0), COALESCE(l.list_cost_currency, 'USD'), SUM(l.quantity),
       SUM(CASE WHEN l.price_status = 'PRICED' THEN 0 ELSE 1 END)
FROM ledger_usage_line_item l
WHERE l.account_id = :account_id AND l.usage_date BETWEEN :from_day AND :to_day AND l.work_unit_type IS NOT NULL
GROUP BY l.account_id, l.usage_date, CONCAT(l.work_unit_type, ':', l.work_unit_workspace_id, ':', l.work_unit_external_id), COALESCE(l.list_cost_currency, 'USD')
