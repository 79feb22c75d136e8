-- Review events and the action log: append-only, ordered by time and then by entry number.

CREATE TABLE review_insight_review (
    entry_no ${identity},
    review_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    insight_id VARCHAR(64) NOT NULL,
    review_action VARCHAR(32) NOT NULL,
    reviewer VARCHAR(255) NOT NULL,
    event_time ${timestamp} NOT NULL,
    snooze_until ${timestamp},
    note ${text},
    CONSTRAINT pk_review_insight_review PRIMARY KEY (entry_no),
    CONSTRAINT uq_review_insight_review_id UNIQUE (review_id)
);

CREATE INDEX ix_review_insight_review_acct ON review_insight_review (account_id, event_time);

CREATE TABLE review_plan_review (
    entry_no ${identity},
    review_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    plan_id VARCHAR(64) NOT NULL,
    decision VARCHAR(32) NOT NULL,
    reviewer VARCHAR(255) NOT NULL,
    event_time ${timestamp} NOT NULL,
    note ${text},
    CONSTRAINT pk_review_plan_review PRIMARY KEY (entry_no),
    CONSTRAINT uq_review_plan_review_id UNIQUE (review_id)
);

CREATE INDEX ix_review_plan_review_acct ON review_plan_review (account_id, event_time);

CREATE TABLE action_record (
    entry_no ${identity},
    record_id VARCHAR(255) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    plan_id VARCHAR(64) NOT NULL,
    attempt_id VARCHAR(255) NOT NULL,
    exec_mode VARCHAR(16) NOT NULL,
    outcome VARCHAR(32) NOT NULL,
    pre_image_json ${json} NOT NULL,
    message ${text},
    actor VARCHAR(255) NOT NULL,
    event_time ${timestamp} NOT NULL,
    CONSTRAINT pk_action_record PRIMARY KEY (entry_no),
    CONSTRAINT uq_action_record_id UNIQUE (record_id)
);

CREATE INDEX ix_action_record_acct ON action_record (account_id, event_time);
