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

-- Later events name only their case: the case's customer, recorded when the case is opened.
create table case_customer (
    case_id     text not null,
    customer_id text not null,
    constraint case_customer_pk primary key (case_id)
);

-- the cases opened before keys existed (their own text stays as it was recorded: in clear)
insert into case_customer (case_id, customer_id)
select aggregate_identifier, convert_from(payload, 'UTF8')::json ->> 'customerId'
from domain_event_entry
where payload_type = 'com.caseledger.events.CaseOpened' and sequence_number = 0
on conflict (case_id) do nothing;
