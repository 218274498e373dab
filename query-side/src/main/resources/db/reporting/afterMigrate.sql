-- After every migration: the read-only role (when it exists) may use the reporting schema and read each of its views,
-- also those a migration has just recreated, and nothing else in it (not the migration history).
do $$
declare
    reporting_view record;
begin
    if exists (select from pg_roles where rolname = 'caseledger_reporting') then
        execute 'grant usage on schema reporting to caseledger_reporting';
        for reporting_view in select viewname from pg_views where schemaname = 'reporting' loop
            execute format('grant select on reporting.%I to caseledger_reporting', reporting_view.viewname);
        end loop;
    end if;
end
$$;
