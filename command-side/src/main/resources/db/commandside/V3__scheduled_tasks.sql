-- The persistent timers (Axon deadlines such as SLA due instants), kept by db-scheduler: one row per timer,
-- claimed by one node at a time, so a timer fires once across every node and survives restarts.
-- The layout is db-scheduler's own for PostgreSQL (version 14).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    constraint scheduled_tasks_pk primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
