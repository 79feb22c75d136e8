-- IDENTITIES: every principal seen as an owner, run-as, creator or query issuer, with its team: the first
-- exact membership, else the first matching pattern, in input order.
INSERT INTO ledger_identity (account_id, principal, principal_kind, team)
SELECT :account_id, p.principal,
       CASE WHEN p.principal = '__REDACTED__' THEN 'UNKNOWN' WHEN p.principal LIKE '%@%' THEN 'USER' ELSE 'SERVICE_PRINCIPAL' END,
       (SELECT m.team FROM ledger_team_membership m
        WHERE m.account_id = :account_id
          AND ((m.exact_match = TRUE AND m.principal_lower = LOWER(p.principal))
            OR (m.exact_match = FALSE AND LOWER(p.principal) LIKE m.like_pattern ESCAPE '!'))
        ORDER BY CASE WHEN m.exact_match = TRUE THEN 0 ELSE 1 END, m.position_no
        LIMIT 1)
FROM (SELECT owned_by AS principal FROM raw_compute_clusters WHERE account_id = :account_id AND owned_by IS NOT NULL
      UNION SELECT run_as FROM raw_lakeflow_jobs WHERE account_id = :account_id AND run_as IS NOT NULL
      UNION SELECT creator_id FROM raw_lakeflow_jobs WHERE account_id = :account_id AND creator_id IS NOT NULL
      UNION SELECT run_as FROM raw_lakeflow_pipelines WHERE account_id = :account_id AND run_as IS NOT NULL
      UNION SELECT created_by FROM raw_lakeflow_pipelines WHERE account_id = :account_id AND created_by IS NOT NULL
      UNION SELECT created_by FROM raw_serving_served_entities WHERE account_id = :account_id AND created_by IS NOT NULL
      UNION SELECT run_as FROM raw_billing_usage WHERE account_id = :account_id AND run_as IS NOT NULL
      UNION SELECT owned_by FROM raw_billing_usage WHERE account_id = :account_id AND owned_by IS NOT NULL
      UNION SELECT executed_by FROM raw_query_history WHERE account_id = :account_id AND executed_by IS NOT NULL) p
