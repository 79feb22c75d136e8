-- The latest billing ingestion date of the account.
SELECT MAX(ingestion_date) AS latest FROM raw_billing_usage WHERE account_id = :account_id
