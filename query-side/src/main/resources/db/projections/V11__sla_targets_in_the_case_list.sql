-- The case list filters on SLA status and sorts on the nearest due instant: per target, its clock's state (RUNNING,
-- PAUSED, MET or BREACHED) as the case's events leave it and its due instant. Whether a RUNNING target is ACTIVE or
-- BREACHED depends on the instant of the read, so it is decided by the query. Null for a case without a policy or a
-- target its policy does not have; rows written before this version are rewritten when their case next changes.
alter table case_view
    add column sla_first_reply_state text,
    add column sla_first_reply_due   timestamptz,
    add column sla_next_reply_state  text,
    add column sla_next_reply_due    timestamptz,
    add column sla_resolution_state  text,
    add column sla_resolution_due    timestamptz;
