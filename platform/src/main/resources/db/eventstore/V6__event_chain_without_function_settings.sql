-- The chain's functions as V4 defined them, without a per-function search_path: a function with its own settings
-- cannot be inlined and saves and restores them on every call, which made every append (one trigger call and a
-- dozen field encodings per event) about four times slower. Names are schema-qualified instead. The hash is the same.
create or replace function event_chain_field(value bytea) returns bytea
    language sql immutable parallel safe as
$$
select case when value is null then int4send(-1) else int4send(length(value)) || value end;
$$;

create or replace function event_chain_hash(aggregate_identifier text, sequence_number bigint, aggregate_type text,
                                            event_identifier text, payload_type text, payload_revision text,
                                            payload bytea, meta_data bytea, time_stamp text,
                                            previous_hash bytea) returns bytea
    language sql immutable parallel safe as
$$
select sha256(eventstore.event_chain_field(convert_to(aggregate_identifier, 'UTF8'))
                  || int8send(sequence_number)
                  || eventstore.event_chain_field(convert_to(aggregate_type, 'UTF8'))
                  || eventstore.event_chain_field(convert_to(event_identifier, 'UTF8'))
                  || eventstore.event_chain_field(convert_to(payload_type, 'UTF8'))
                  || eventstore.event_chain_field(convert_to(payload_revision, 'UTF8'))
                  || eventstore.event_chain_field(payload)
                  || eventstore.event_chain_field(meta_data)
                  || eventstore.event_chain_field(convert_to(time_stamp, 'UTF8'))
                  || eventstore.event_chain_field(previous_hash));
$$;

create or replace function chain_event() returns trigger
    language plpgsql as
$$
begin
    new.chain_hash := eventstore.event_chain_hash(new.aggregate_identifier, new.sequence_number, new.type,
            new.event_identifier, new.payload_type, new.payload_revision, new.payload, new.meta_data, new.time_stamp,
            (select previous.chain_hash from eventstore.domain_event_entry previous
             where previous.aggregate_identifier = new.aggregate_identifier
               and previous.sequence_number = new.sequence_number - 1));
    return new;
end;
$$;

alter function event_chain_field(bytea) reset all;
alter function event_chain_hash(text, bigint, text, text, text, text, bytea, bytea, text, bytea) reset all;
alter function chain_event() reset all;
