-- One token by its public id.
SELECT token_id, connector_id, account_id, salt, token_hash, created_at, revoked_at
FROM auth_collector_token WHERE token_id = :token_id
