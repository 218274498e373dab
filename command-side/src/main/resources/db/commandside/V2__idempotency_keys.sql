-- The first answer to each command sent with an Idempotency-Key, by the user who sent it. The row is written in the
-- same transaction as the command's events: a key is taken only by a command that was recorded, and a repeat that
-- arrives while the first is running waits on this row's unique index until the first has committed or rolled back.
create table idempotency_key (
    principal    text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer,
    location     text,
    etag         text,
    content_type text,
    body         text,
    created_at   timestamptz not null default now(),
    constraint idempotency_key_pk primary key (principal, key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
