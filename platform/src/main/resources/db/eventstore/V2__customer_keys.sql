-- Personal text in events is sealed with a key of its customer. Erasing a customer destroys their keys (the bytes go,
-- the row stays to say when), never the events: the store stays append-only.
create table customer_key (
    key_id       text        not null,
    customer_id  text        not null,
    key_bytes    bytea,
    created_at   timestamptz not null,
    destroyed_at timestamptz,
    constraint customer_key_pk primary key (key_id),
    constraint customer_key_destroyed_ck check ((key_bytes is null) = (destroyed_at is not null))
);

-- one live key per customer; destroyed ones stay for as long as events name them
create unique index customer_key_live_uk on customer_key (customer_id) where destroyed_at is null;

-- Later events name only their case: the case's customer, recorded when the case is opened (for a case opened before
-- keys existed, read from its opening event the first time it needs a key).
create table case_customer (
    case_id     text not null,
    customer_id text not null,
    constraint case_customer_pk primary key (case_id)
);
