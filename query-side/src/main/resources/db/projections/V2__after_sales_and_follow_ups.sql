-- Service-level facts for refunds, follow-up calls and surveys.
alter table service_level_case
    add column issued_refunds       jsonb   not null default '[]',
    add column follow_ups_completed integer not null default 0,
    add column follow_ups_missed    integer not null default 0,
    add column csat                 integer,
    add column nps                  integer,
    add column servqual             jsonb;

-- The callers' worklist: one row per follow-up call, with the customer to call.
create table follow_up_case (
    case_id  varchar(100) not null,
    version  bigint       not null,
    timeline jsonb        not null,
    constraint follow_up_case_pk primary key (case_id)
);

create table follow_up (
    case_id       varchar(100) not null,
    follow_up_id  varchar(100) not null,
    status        varchar(16)  not null,
    scheduled_for timestamptz  not null,
    purpose       varchar(2000),
    automatic     boolean      not null,
    customer_id   varchar(100) not null,
    subject       varchar(500) not null,
    case_status   varchar(16)  not null,
    constraint follow_up_pk primary key (case_id, follow_up_id)
);

create index follow_up_due_ix on follow_up (status, scheduled_for);
