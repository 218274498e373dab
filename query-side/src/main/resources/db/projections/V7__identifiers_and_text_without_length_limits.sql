-- A projection stores what the event store holds. A recorded value longer than its column would fail the
-- projection's batch on every retry, so identifiers and free text take any length here; the limits that
-- matter are the ones the command side enforces when it accepts a request.
alter table case_view
    alter column case_id type text,
    alter column customer_id type text,
    alter column agent_id type text;

alter table service_level_case
    alter column case_id type text,
    alter column agent_id type text;

alter table service_level_fold
    alter column case_id type text;

alter table service_level_case_lists
    alter column case_id type text;

alter table follow_up_case
    alter column case_id type text;

alter table follow_up
    alter column case_id type text,
    alter column follow_up_id type text,
    alter column purpose type text,
    alter column customer_id type text,
    alter column subject type text;
