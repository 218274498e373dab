-- Text recorded before personal data was sealed is sealed once, in place: the one rewrite the store allows. An
-- update passes only in a transaction that says it seals (caseledger.sealing_personal_text = on), and only if it
-- changes the payload and nothing else: the event's identity, order, type, revision, time and metadata stay as they
-- were recorded. Deletes and truncates stay refused.
create or replace function refuse_event_rewrite() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and current_setting('caseledger.sealing_personal_text', true) = 'on'
        and new.global_index = old.global_index
        and new.aggregate_identifier = old.aggregate_identifier
        and new.sequence_number = old.sequence_number
        and new.type is not distinct from old.type
        and new.event_identifier = old.event_identifier
        and new.meta_data is not distinct from old.meta_data
        and new.payload_revision is not distinct from old.payload_revision
        and new.payload_type = old.payload_type
        and new.time_stamp = old.time_stamp then
        return new;
    end if;
    raise exception 'the event store is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

-- How far the sealing of text recorded in clear has looked, and what it did: one row.
create table personal_data_sealing (
    id          integer     not null,
    position    bigint      not null,
    sealed      bigint      not null,
    last_run_at timestamptz,
    constraint personal_data_sealing_pk primary key (id),
    constraint personal_data_sealing_one_row_ck check (id = 1)
);

insert into personal_data_sealing (id, position, sealed) values (1, 0, 0);
