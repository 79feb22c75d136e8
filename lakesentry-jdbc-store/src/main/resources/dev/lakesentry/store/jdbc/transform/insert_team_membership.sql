-- IDENTITIES: one membership input line, in input order.
INSERT INTO ledger_team_membership (account_id, position_no, exact_match, principal_lower, like_pattern, team)
VALUES (:account_id, :position_no, :exact_match, :principal_lower, :like_pattern, :team)
