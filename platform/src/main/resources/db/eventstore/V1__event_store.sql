-- Axon's JDBC event storage engine on PostgreSQL: payloads as bytea, a BIGSERIAL global index that
-- streaming processors follow, and one row per (aggregate, sequence) so concurrent writers conflict.
create table domain_event_entry (
    global_index         bigserial    not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier)
);

-- createTokenAt(instant) looks events up by their recording time.
create index domain_event_entry_time_stamp_ix on domain_event_entry (time_stamp);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

-- The history is append-only: nobody rewrites or removes a recorded event.
create function refuse_event_rewrite() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the event store is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function refuse_event_rewrite();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_rewrite();
