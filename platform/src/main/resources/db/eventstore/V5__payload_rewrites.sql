-- The one rewrite the store allows (sealing text recorded in clear, V3) recomputes the chain (V4), so the chain alone
-- cannot tell it from any other change. Every such rewrite is therefore recorded here, in the same transaction, for
-- auditors: which event, its hash before and after, when and by which database user. The record is append-only.
create table payload_rewrite (
    global_index         bigint                   not null,
    aggregate_identifier varchar(255)             not null,
    sequence_number      bigint                   not null,
    hash_before          bytea,
    hash_after           bytea                    not null,
    rewritten_at         timestamp with time zone not null default now(),
    rewritten_by         text                     not null default current_user
);

create index payload_rewrite_aggregate_ix on payload_rewrite (aggregate_identifier, sequence_number);

create function record_payload_rewrite() returns trigger
    language plpgsql
    set search_path from current as
$$
begin
    insert into payload_rewrite (global_index, aggregate_identifier, sequence_number, hash_before, hash_after)
    values (new.global_index, new.aggregate_identifier, new.sequence_number, old.chain_hash, new.chain_hash);
    return null;
end;
$$;

create trigger domain_event_entry_payload_rewrite
    after update of payload on domain_event_entry
    for each row
    when (old.payload is distinct from new.payload)
execute function record_payload_rewrite();

create function refuse_rewrite_record_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the record of payload rewrites is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger payload_rewrite_append_only
    before update or delete or truncate on payload_rewrite
    for each statement execute function refuse_rewrite_record_change();
