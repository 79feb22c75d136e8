-- Orchestration (issue 12). scheduled_tasks is db-scheduler's table as its documentation gives it for
-- MariaDB (db-scheduler 16.x; the schema comes from the connection, not a "test." prefix). ops_stage_run
-- is the append-only log of stage runs that status shows.
CREATE TABLE scheduled_tasks (
    task_name VARCHAR(100) NOT NULL,
    task_instance VARCHAR(100) NOT NULL,
    task_data BLOB,
    execution_time TIMESTAMP(6) NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(50),
    last_success TIMESTAMP(6) NULL,
    last_failure TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP(6) NULL,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance),
    INDEX execution_time_idx (execution_time),
    INDEX last_heartbeat_idx (last_heartbeat),
    INDEX priority_execution_time_idx (priority DESC, execution_time ASC)
);

CREATE TABLE ops_stage_run (
    run_no BIGINT NOT NULL AUTO_INCREMENT,
    account_id VARCHAR(128) NOT NULL,
    stage_name VARCHAR(32) NOT NULL,
    as_of ${timestamp} NOT NULL,
    partitions_text MEDIUMTEXT NOT NULL,
    rows_in BIGINT NOT NULL,
    rows_out BIGINT NOT NULL,
    step_rows_text TEXT NOT NULL,
    started_at ${timestamp} NOT NULL,
    finished_at ${timestamp} NOT NULL,
    outcome VARCHAR(32) NOT NULL,
    error_message TEXT,
    attempt INTEGER NOT NULL,
    failing BOOLEAN NOT NULL,
    process_name VARCHAR(255) NOT NULL,
    CONSTRAINT pk_ops_stage_run PRIMARY KEY (run_no),
    INDEX ix_ops_stage_run_acct (account_id, stage_name, outcome, run_no)
);
