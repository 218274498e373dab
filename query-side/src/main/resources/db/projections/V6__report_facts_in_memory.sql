-- Reports keep every case's facts in memory and read from this table only what changed since they last looked:
-- each row records the transaction that last wrote it, and every reset of the projection is counted, so a reader
-- knows when to start over.
alter table service_level_case add column changed_by xid8 not null default pg_current_xact_id();
create index service_level_case_changed_by_ix on service_level_case (changed_by);

create table service_level_resets (
    id     integer not null,
    resets bigint  not null,
    constraint service_level_resets_pk primary key (id),
    constraint service_level_resets_one_row check (id = 1)
);
insert into service_level_resets (id, resets) values (1, 0);
