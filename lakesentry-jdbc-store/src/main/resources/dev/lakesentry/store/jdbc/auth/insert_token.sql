-- Stores a newly issued collector token (its salted hash only).
INSERT INTO auth_collector_token (token_id, connector_id, account_id, salt, token_hash, created_at, revoked_at)
VALUES (:token_id, :connector_id, :account_id, :salt, :token_hash, :created_at, NULL)
