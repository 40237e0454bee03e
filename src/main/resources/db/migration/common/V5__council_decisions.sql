-- The council's decisions (issue 13): which results a decision changed (the meeting's number), and
-- what became of each decision of decisions.yaml, applied or not and why, in file order.
ALTER TABLE ur_result ADD COLUMN decision VARCHAR(100) DEFAULT '' NOT NULL;

CREATE TABLE ur_decision (
    run_id   BIGINT        NOT NULL,
    seq      INTEGER       NOT NULL,
    branch   VARCHAR(64)   NOT NULL,
    summary  VARCHAR(200)  NOT NULL,
    reason   VARCHAR(2000) NOT NULL,
    applied  BOOLEAN       NOT NULL,
    outcome  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
