-- Revokes a token; a token revoked earlier keeps its first revocation time.
UPDATE auth_collector_token SET revoked_at = :revoked_at WHERE token_id = :token_id AND revoked_at IS NULL
