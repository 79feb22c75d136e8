-- Rollup: attributed cost per day and owner of the partition from the allocations: teams by name, shared
-- buckets as bucket:<name>, and the unattributed bucket as its own row.
INSERT INTO metric_daily_cost (account_id, usage_day, dimension, dim_key, cost, currency, quantity, unpriced_rows)
SELECT a.account_id, a.usage_date, 'TEAM',
       CASE a.owner_kind WHEN 'TEAM' THEN a.owner_name WHEN 'SHARED_BUCKET' THEN CONCAT('bucket:', a.owner_name) ELSE 'unattributed' END,
       SUM(a.amount), a.currency, 0, 0
FROM metric_cost_allocation a
WHERE a.account_id = :account_id AND a.usage_date BETWEEN :from_day AND :to_day
GROUP BY a.account_id, a.usage_date,
         CASE a.owner_kind WHEN 'TEAM' THEN a.owner_name WHEN 'SHARED_BUCKET' THEN CONCAT('bucket:', a.owner_name) ELSE 'unattributed' END,
         a.currency
