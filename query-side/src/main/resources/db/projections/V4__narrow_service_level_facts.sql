-- Reports scan the facts of every case in a period: keep those rows narrow, and the fold state (the case's
-- timeline, which only the projection reads) in a table of its own.
create table service_level_fold (
    case_id  varchar(100) not null,
    version  bigint       not null,
    timeline jsonb        not null,
    constraint service_level_fold_pk primary key (case_id)
);

insert into service_level_fold (case_id, version, timeline)
select case_id, version, timeline from service_level_case;

alter table service_level_case drop column timeline;
