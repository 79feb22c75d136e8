-- REFERENCE: list prices with validity windows, the latest copy per natural key; the effective list price
-- (after promotions) is the one to cost with, the long-term list price when no effective price is given.
INSERT INTO ledger_sku_price (account_id, sku_name, cloud, currency_code, usage_unit, price_start, price_end, unit_price, default_price)
SELECT account_id, sku_name, cloud, currency_code, usage_unit, price_start_time, price_end_time,
       COALESCE(price_effective_list, price_default), price_default
FROM (SELECT r.account_id, r.sku_name, r.cloud, r.currency_code, r.usage_unit, r.price_start_time, r.price_end_time,
             r.price_effective_list, r.price_default,
             ROW_NUMBER() OVER (PARTITION BY r.sku_name, r.cloud, r.currency_code, r.usage_unit, r.price_start_time
                                ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_billing_list_prices r WHERE r.account_id = :account_id) t
WHERE rn = 1 AND COALESCE(price_effective_list, price_default) IS NOT NULL
