-- Reads the account's ledger_sku_price rows.
SELECT * FROM ledger_sku_price
WHERE account_id = :account_id
ORDER BY sku_name, cloud, currency_code, usage_unit, price_start
