-- Removes the account's membership input before it is written again.
DELETE FROM ledger_team_membership WHERE account_id = :account_id
