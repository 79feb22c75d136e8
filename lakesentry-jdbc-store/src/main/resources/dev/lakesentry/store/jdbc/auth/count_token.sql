-- Whether a token id exists.
SELECT COUNT(*) FROM auth_collector_token WHERE token_id = :token_id
