-- Timed events: db-scheduler's table, under Axon's DbSchedulerDeadlineManager, in the event store's
-- database. A deadline scheduled by a command is written in the command's transaction, so it exists
-- exactly when the command's events do; it survives restarts, and of several command-service
-- instances one picks each due row (its version column guards the pick), so it fires once.
-- db-scheduler 16.x's PostgreSQL schema, with VARCHAR keys where it has TEXT: the same script runs on
-- H2 (standalone), which cannot index TEXT.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(255)             NOT NULL,
    task_instance        VARCHAR(255)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(255),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
