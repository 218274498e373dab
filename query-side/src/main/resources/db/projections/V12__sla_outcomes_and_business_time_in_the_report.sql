-- The report counts SLA outcomes and measures its durations in business time too. Per case: the latest outcome of its
-- first reply and resolution targets (MET or BREACHED, null while none is on record), how many of its next reply
-- targets (one per wait) have MET and BREACHED as their latest outcome, and the four durations in working time under
-- the calendar of its SLA policy (calendar time without one), measured when the fold is written.
alter table service_level_case
    add column sla_first_reply_outcome           text,
    add column sla_resolution_outcome            text,
    add column sla_next_replies_met              integer not null default 0,
    add column sla_next_replies_breached         integer not null default 0,
    add column business_first_reply_seconds      bigint,
    add column business_first_resolution_seconds bigint,
    add column business_full_resolution_seconds  bigint,
    add column business_requester_wait_seconds   bigint;

-- Folds written before this version do not hold the outcomes (revision 3), and no row holds the new facts, which
-- only the events can give. The read side is rebuilt from the store at the next start: its tables are emptied, the
-- reports holding rows start over, and without its token the processor reads the store from the beginning.
truncate case_fold, case_view, follow_up, service_level_case;
update service_level_resets set resets = resets + 1 where id = 1;
delete from token_entry where processor_name = 'case-projections';
