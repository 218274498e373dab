-- Every projection needs the same fold of a case's events. It is stored once, in case_fold, with the revision of
-- its format; the case view's columns, the callers' worklist and the report facts are derived from it in the same
-- batch. The three copies it replaces were written by one processor in one transaction, so any of them will do.
create table case_fold (
    case_id  text    not null,
    version  bigint  not null,
    revision integer not null,
    timeline jsonb   not null,
    constraint case_fold_pk primary key (case_id)
);

insert into case_fold (case_id, version, revision, timeline)
select case_id, version, 1, timeline from case_view;

alter table case_view drop column timeline;

drop table follow_up_case;

drop table service_level_fold;
