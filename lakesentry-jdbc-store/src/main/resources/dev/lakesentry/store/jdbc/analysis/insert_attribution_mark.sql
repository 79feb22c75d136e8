-- Records the ledger build mark through which the account's attribution is complete.
INSERT INTO metric_attribution_mark (account_id, extraction_seq) VALUES (:account_id, :extraction_seq)
