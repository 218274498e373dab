-- Positions of the projections in the event stream; kept beside the projections they describe, so that
-- dropping this schema and replaying the store rebuilds everything.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);

-- The case view: one row per case, filter columns for the case list, the folded timeline for the view.
create table case_view (
    case_id     varchar(100) not null,
    version     bigint       not null,
    type        varchar(16)  not null,
    status      varchar(16)  not null,
    channel     varchar(16)  not null,
    category    varchar(16)  not null,
    priority    varchar(16)  not null,
    customer_id varchar(100) not null,
    agent_id    varchar(100),
    opened_at   timestamptz  not null,
    timeline    jsonb        not null,
    constraint case_view_pk primary key (case_id)
);

create index case_view_opened_at_ix on case_view (opened_at desc, case_id);
create index case_view_customer_ix on case_view (customer_id, opened_at desc);
create index case_view_agent_ix on case_view (agent_id, opened_at desc);
create index case_view_status_ix on case_view (status, opened_at desc);

-- Service-level facts: one row per case with what the report's cohort metrics need.
create table service_level_case (
    case_id                  varchar(100) not null,
    version                  bigint       not null,
    opened_at                timestamptz  not null,
    type                     varchar(16)  not null,
    channel                  varchar(16)  not null,
    category                 varchar(16)  not null,
    priority                 varchar(16)  not null,
    agent_id                 varchar(100),
    status                   varchar(16)  not null,
    replies                  integer      not null,
    reopens                  integer      not null,
    resolved_ever            boolean      not null,
    first_reply_seconds      bigint,
    first_resolution_seconds bigint,
    full_resolution_seconds  bigint,
    requester_wait_seconds   bigint,
    status_changes           jsonb        not null,
    timeline                 jsonb        not null,
    constraint service_level_case_pk primary key (case_id)
);

create index service_level_case_opened_at_ix on service_level_case (opened_at);
