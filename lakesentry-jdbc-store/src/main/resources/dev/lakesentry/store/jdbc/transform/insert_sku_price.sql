-- Inserts one ledger_sku_price row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_sku_price (account_id, sku_name, cloud, currency_code, usage_unit, price_start, price_end, unit_price, default_price)
VALUES (:account_id, :sku_name, :cloud, :currency_code, :usage_unit, :price_start, :price_end, :unit_price, :default_price)
