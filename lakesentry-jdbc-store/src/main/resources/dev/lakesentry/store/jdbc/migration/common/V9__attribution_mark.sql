-- The ledger build mark through which attribution and metric rollups are complete (analysis layer). Orchestration
-- compares it with ledger_build_mark, so days a committed transformation touched are attributed even when the run
-- log never recorded that transformation (the run-log append failed, or the process stopped between the two).
CREATE TABLE metric_attribution_mark (
    account_id VARCHAR(128) NOT NULL,
    extraction_seq BIGINT NOT NULL,
    CONSTRAINT pk_metric_attribution_mark PRIMARY KEY (account_id)
);
