-- The extraction sequence the account's ledger was last built through.
SELECT extraction_seq FROM ledger_build_mark WHERE account_id = :account_id
