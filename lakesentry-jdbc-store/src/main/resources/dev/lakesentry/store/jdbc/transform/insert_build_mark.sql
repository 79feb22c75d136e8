-- Records the extraction sequence the account's ledger now reflects.
INSERT INTO ledger_build_mark (account_id, extraction_seq) VALUES (:account_id, :extraction_seq)
