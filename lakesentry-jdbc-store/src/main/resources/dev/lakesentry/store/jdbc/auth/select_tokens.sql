-- The account's tokens, newest first.
SELECT token_id, connector_id, account_id, salt, token_hash, created_at, revoked_at
FROM auth_collector_token WHERE account_id = :account_id ORDER BY created_at DESC, token_id
