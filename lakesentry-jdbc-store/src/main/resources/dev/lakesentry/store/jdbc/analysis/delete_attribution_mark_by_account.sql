-- Removes the account's attribution mark, before it is written again or for a rebuild.
DELETE FROM metric_attribution_mark WHERE account_id = :account_id
