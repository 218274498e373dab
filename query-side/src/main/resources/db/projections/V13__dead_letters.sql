-- Axon's dead-letter queue of the projections (JdbcSequencedDeadLetterQueue, its generic table in PostgreSQL's types):
-- the events of a case whose fold or derived rows failed, parked in order until they are retried or evicted. Axon
-- writes its instants as ISO-8601 text and compares them as such.
create table dead_letter_entry (
    dead_letter_id      text   not null primary key,
    processing_group    text   not null,
    sequence_identifier text   not null,
    sequence_index      bigint not null,
    message_type        text   not null,
    event_identifier    text   not null,
    time_stamp          text   not null,
    payload_type        text   not null,
    payload_revision    text,
    payload             bytea  not null,
    meta_data           bytea,
    aggregate_type      text,
    aggregate_identifier text,
    sequence_number     bigint,
    token_type          text,
    token               bytea,
    enqueued_at         text   not null,
    last_touched        text,
    processing_started  text,
    cause_type          text,
    cause_message       text,
    diagnostics         bytea,
    constraint dead_letter_entry_sequence_index unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_sequence on dead_letter_entry (processing_group, sequence_identifier);
