-- A report reads the facts of every case of its period: keep those rows narrow. The SERVQUAL gaps (perception
-- minus expectation) become columns, whether a refund was issued becomes a flag, and the lists a report needs for
-- only a few cases (the status history, for cases that changed status after the period's end; the issued
-- refunds, for refunded cases) move to a table of their own.
create table service_level_case_lists (
    case_id        varchar(100) not null,
    status_changes jsonb        not null,
    issued_refunds jsonb        not null,
    constraint service_level_case_lists_pk primary key (case_id)
);

insert into service_level_case_lists (case_id, status_changes, issued_refunds)
select case_id, status_changes, issued_refunds from service_level_case;

alter table service_level_case
    add column refunded            boolean not null default false,
    add column gap_tangibles       smallint,
    add column gap_reliability     smallint,
    add column gap_responsiveness  smallint,
    add column gap_assurance       smallint,
    add column gap_empathy         smallint;

update service_level_case set
    refunded = jsonb_array_length(issued_refunds) > 0,
    gap_tangibles = (servqual -> 'TANGIBLES' ->> 'perception')::int - (servqual -> 'TANGIBLES' ->> 'expectation')::int,
    gap_reliability = (servqual -> 'RELIABILITY' ->> 'perception')::int - (servqual -> 'RELIABILITY' ->> 'expectation')::int,
    gap_responsiveness = (servqual -> 'RESPONSIVENESS' ->> 'perception')::int
        - (servqual -> 'RESPONSIVENESS' ->> 'expectation')::int,
    gap_assurance = (servqual -> 'ASSURANCE' ->> 'perception')::int - (servqual -> 'ASSURANCE' ->> 'expectation')::int,
    gap_empathy = (servqual -> 'EMPATHY' ->> 'perception')::int - (servqual -> 'EMPATHY' ->> 'expectation')::int;

alter table service_level_case
    drop column status_changes,
    drop column issued_refunds,
    drop column servqual;

-- updates of a case's row stay on its page, so the rows of a period stay together as they were opened
alter table service_level_case set (fillfactor = 85);
