-- Counts one raw table's rows of an account.
SELECT COUNT(*) FROM <raw_table> WHERE account_id = :account_id
