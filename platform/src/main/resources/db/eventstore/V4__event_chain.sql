-- Tamper evidence: each event is chained to the previous event of its stream (its case) by a SHA-256 over what is
-- stored, kept with the event. The database computes it for every writer, in the writer's transaction; the
-- verifier (com.caseledger.platform.ledger.EventChain) recomputes it from the stored columns.
alter table domain_event_entry add column chain_hash bytea;

-- One field of the hashed encoding: its length as 4 bytes big-endian, then its bytes; a missing value is length -1,
-- so that no two different events (or a null and an empty text) encode alike.
create function event_chain_field(value bytea) returns bytea
    language sql immutable as
$$
select case when value is null then int4send(-1) else int4send(length(value)) || value end;
$$;

-- Everything stored but the global index (a position in the store, not part of the case's history): the stream
-- (case id), sequence, aggregate type, event id, payload type and revision, payload and metadata bytes, timestamp,
-- and the previous event's hash (missing for the first event of a stream). Text as UTF-8.
create function event_chain_hash(aggregate_identifier text, sequence_number bigint, aggregate_type text,
                                 event_identifier text, payload_type text, payload_revision text, payload bytea,
                                 meta_data bytea, time_stamp text, previous_hash bytea) returns bytea
    language sql immutable
    set search_path from current as
$$
select sha256(event_chain_field(convert_to(aggregate_identifier, 'UTF8'))
                  || int8send(sequence_number)
                  || event_chain_field(convert_to(aggregate_type, 'UTF8'))
                  || event_chain_field(convert_to(event_identifier, 'UTF8'))
                  || event_chain_field(convert_to(payload_type, 'UTF8'))
                  || event_chain_field(convert_to(payload_revision, 'UTF8'))
                  || event_chain_field(payload)
                  || event_chain_field(meta_data)
                  || event_chain_field(convert_to(time_stamp, 'UTF8'))
                  || event_chain_field(previous_hash));
$$;

-- A writer never chooses the hash: it is computed on every insert, and again on the one rewrite the store allows.
create function chain_event() returns trigger
    language plpgsql
    set search_path from current as
$$
begin
    new.chain_hash := event_chain_hash(new.aggregate_identifier, new.sequence_number, new.type,
            new.event_identifier, new.payload_type, new.payload_revision, new.payload, new.meta_data, new.time_stamp,
            (select previous.chain_hash from domain_event_entry previous
             where previous.aggregate_identifier = new.aggregate_identifier
               and previous.sequence_number = new.sequence_number - 1));
    return new;
end;
$$;

create trigger domain_event_entry_chain
    before insert or update on domain_event_entry
    for each row execute function chain_event();

-- The one-time chaining of the events recorded before: each event in its stream's order, so that every event finds
-- its predecessor already chained. The append-only trigger is off for this migration's transaction only.
alter table domain_event_entry disable trigger domain_event_entry_append_only;

do
$$
    declare
        recorded record;
    begin
        for recorded in select global_index from domain_event_entry order by aggregate_identifier, sequence_number
            loop
                update domain_event_entry set chain_hash = null where global_index = recorded.global_index;
            end loop;
    end;
$$;

alter table domain_event_entry enable trigger domain_event_entry_append_only;

-- The sealing of text recorded in clear (V3) rewrites a payload, which changes that event's hash (the update
-- trigger above recomputes it) and so the links of the events after it in its stream: they are chained again in the
-- same transaction. Only a sealing transaction gets here, as only it may update; the chain is valid after it.
create function chain_following_events() returns trigger
    language plpgsql
    set search_path from current as
$$
declare
    following record;
begin
    for following in select global_index from domain_event_entry
                     where aggregate_identifier = new.aggregate_identifier and sequence_number > new.sequence_number
                     order by sequence_number
        loop
            update domain_event_entry set chain_hash = null where global_index = following.global_index;
        end loop;
    return null;
end;
$$;

create trigger domain_event_entry_chain_following
    after update of payload on domain_event_entry
    for each row
    when (old.payload is distinct from new.payload)
execute function chain_following_events();
