-- Removes the account's ledger_sku_price rows.
DELETE FROM ledger_sku_price WHERE account_id = :account_id
