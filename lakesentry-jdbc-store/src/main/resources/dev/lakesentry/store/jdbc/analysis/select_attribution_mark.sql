-- The ledger build mark through which the account's attribution is complete.
SELECT extraction_seq FROM metric_attribution_mark WHERE account_id = :account_id
