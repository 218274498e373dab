-- A report needs of each case one row: what it needs of the status history (when the case became RESOLVED or CLOSED
-- and when it stopped being either, for the backlog at a period's end) and the issued refunds (for refunded cases
-- only) join the other facts, and the table of lists goes. A rebuild then writes one row a case for the reports. The
-- facts are read into memory by the transaction that wrote them, so the index on opened_at has no reader left.
alter table service_level_case
    add column resolution_changes timestamptz[] not null default '{}',
    add column issued_refunds     jsonb;

update service_level_case facts
set resolution_changes = coalesce((
        select array_agg(at order by position)
        from (select position,
                     (change ->> 'at')::timestamptz as at,
                     (change ->> 'status') in ('RESOLVED', 'CLOSED') as resolved,
                     lag((change ->> 'status') in ('RESOLVED', 'CLOSED'), 1, false) over (order by position) as was_resolved
              from jsonb_array_elements(lists.status_changes) with ordinality as changes(change, position)) as statuses
        where resolved <> was_resolved), '{}'),
    issued_refunds = case when facts.refunded then lists.issued_refunds end
from service_level_case_lists lists
where lists.case_id = facts.case_id;

alter table service_level_case drop column status_changed_at;

drop index service_level_case_opened_at_ix;

drop table service_level_case_lists;

-- The case fold is stored in a compact binary form (revision 2) that PostgreSQL stores without parsing it; the folds
-- stored so far keep their JSON (revision 1) as bytes and are rewritten in the new form when their case next changes.
alter table case_fold alter column timeline type bytea using convert_to(timeline::text, 'UTF8');
