-- Removes the account's build mark before it is written again, or for a rebuild.
DELETE FROM ledger_build_mark WHERE account_id = :account_id
