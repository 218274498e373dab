-- The reporting schema: views that reporting tools (Metabase, Superset, Power BI, a warehouse loader) read directly.
-- Their names and columns are a published contract (README, "Reporting schema for BI tools"): add columns freely, never
-- rename or drop one. The views hold no data of their own: a projection rebuild empties and refills the tables below
-- them and leaves them standing. When an internal table changes, a reporting migration recreates the affected views
-- with the same columns. Personal text (sealed in the event store) is not shown; identifiers, codes and figures are.

-- Every recorded event with its metadata; the payload is not shown, as it may hold personal text.
create view reporting.events as
select entry.global_index,
       entry.aggregate_identifier                        as stream_id,
       decoded.payload ->> 'caseId'                      as case_id,
       entry.sequence_number,
       entry.event_identifier                            as event_id,
       regexp_replace(entry.payload_type, '^.*[.$]', '') as event_type,
       entry.payload_revision                            as event_revision,
       (decoded.payload ->> 'occurredAt')::timestamptz   as occurred_at,
       entry.time_stamp::timestamptz                     as recorded_at,
       decoded.metadata ->> 'actor'                      as actor,
       decoded.metadata ->> 'causedBy'                   as caused_by,
       decoded.metadata ->> 'importedBy'                 as imported_by,
       decoded.metadata ->> 'correlationId'              as correlation_id,
       decoded.metadata ->> 'causationId'                as causation_id
from eventstore.domain_event_entry entry
     cross join lateral (select convert_from(entry.payload, 'UTF8')::jsonb   as payload,
                                convert_from(entry.meta_data, 'UTF8')::jsonb as metadata) as decoded;

-- One row per case: its attributes and SLA clocks (case_view), its figures (service_level_case), and the instants of
-- its first reply, latest resolution and closure from its own events (an index lookup per case).
create view reporting.cases as
select view.case_id,
       view.version,
       view.type,
       view.status,
       view.channel,
       view.category,
       view.priority,
       view.customer_id,
       view.agent_id,
       view.opened_at,
       moments.first_reply_at,
       case when view.status in ('RESOLVED', 'CLOSED') then moments.resolved_at end as resolved_at,
       moments.closed_at,
       facts.replies,
       facts.reopens,
       facts.resolved_ever,
       facts.first_reply_seconds,
       facts.first_resolution_seconds,
       facts.full_resolution_seconds,
       facts.requester_wait_seconds,
       facts.business_first_reply_seconds,
       facts.business_first_resolution_seconds,
       facts.business_full_resolution_seconds,
       facts.business_requester_wait_seconds,
       facts.refunded,
       facts.follow_ups_completed,
       facts.follow_ups_missed,
       facts.csat,
       facts.nps,
       case view.sla_first_reply_state
           when 'RUNNING' then case when view.sla_first_reply_due < now() then 'BREACHED' else 'ACTIVE' end
           else view.sla_first_reply_state end                                 as sla_first_reply_status,
       view.sla_first_reply_due                                               as sla_first_reply_due_at,
       case view.sla_next_reply_state
           when 'RUNNING' then case when view.sla_next_reply_due < now() then 'BREACHED' else 'ACTIVE' end
           else view.sla_next_reply_state end                                  as sla_next_reply_status,
       view.sla_next_reply_due                                                as sla_next_reply_due_at,
       case view.sla_resolution_state
           when 'RUNNING' then case when view.sla_resolution_due < now() then 'BREACHED' else 'ACTIVE' end
           else view.sla_resolution_state end                                  as sla_resolution_status,
       view.sla_resolution_due                                                as sla_resolution_due_at,
       facts.sla_first_reply_outcome,
       facts.sla_resolution_outcome,
       facts.sla_next_replies_met,
       facts.sla_next_replies_breached
from projections.case_view view
     left join projections.service_level_case facts on facts.case_id = view.case_id
     left join lateral (
         select min(case_events.occurred_at) filter (where case_events.event_type = 'AgentReplied') as first_reply_at,
                max(case_events.occurred_at) filter (where case_events.event_type = 'CaseResolved') as resolved_at,
                max(case_events.occurred_at) filter (where case_events.event_type = 'CaseClosed')   as closed_at
         from (select regexp_replace(entry.payload_type, '^.*[.$]', '')                            as event_type,
                      (convert_from(entry.payload, 'UTF8')::jsonb ->> 'occurredAt')::timestamptz as occurred_at
               from eventstore.domain_event_entry entry
               where entry.aggregate_identifier = view.case_id
                 and entry.payload_type in ('com.caseledger.events.AgentReplied',
                                            'com.caseledger.events.CaseResolved',
                                            'com.caseledger.events.CaseClosed')) as case_events
     ) as moments on true;

-- The report's cohort figures per UTC day of opening, in total and per channel, type, category, priority and agent,
-- computed as the service-level report computes them for that one day (from = the day's start, to = the next day's
-- start): rates as fractions (null with a zero denominator), means rounded half up to a second, nearest-rank
-- percentiles (the value at rank ceil(p% of count), counted in integers: percentile_disc multiplies in floating
-- point and takes the next rank at some counts), the backlog at the day's end. Durations in calendar time.
-- The report's nearest-rank percentile: of the values in ascending order, the one at rank ceil(percent / 100 * n), and
-- at least the first; null without values.
create function reporting.nearest_rank(ascending bigint[], percent int) returns bigint
    language sql immutable as
$$
select ascending[greatest(1, (percent * cardinality(ascending) + 99) / 100)];
$$;

create view reporting.daily_service_levels as
select facts.day,
       case when grouping(facts.channel) = 0 then 'channel'
            when grouping(facts.type) = 0 then 'type'
            when grouping(facts.category) = 0 then 'category'
            when grouping(facts.priority) = 0 then 'priority'
            when grouping(facts.agent) = 0 then 'agent'
            else 'total' end                                                      as grouped_by,
       coalesce(facts.channel, facts.type, facts.category, facts.priority, facts.agent) as key,
       count(*)                                                                  as cases_opened,
       count(*) filter (where facts.resolved_now)                                as cases_resolved,
       count(*) filter (where facts.resolved_now)::float8 / count(*)             as resolution_rate,
       count(*) filter (where facts.resolved_now and facts.replies < 2)::float8
           / nullif(count(*) filter (where facts.resolved_now), 0)               as one_touch_rate,
       count(*) filter (where facts.resolved_ever and facts.reopens > 0)::float8
           / nullif(count(*) filter (where facts.resolved_ever), 0)              as reopen_rate,
       count(*) filter (where facts.type = 'COMPLAINT')::float8 / count(*)       as complaint_rate,
       count(*) filter (where not facts.resolved_at_day_end)                     as backlog,
       count(facts.first_reply_seconds)                                           as first_reply_count,
       round(sum(facts.first_reply_seconds)::numeric / nullif(count(facts.first_reply_seconds), 0))::bigint
                                                                                  as first_reply_mean_seconds,
       reporting.nearest_rank(array_agg(facts.first_reply_seconds order by facts.first_reply_seconds)
           filter (where facts.first_reply_seconds is not null), 50) as first_reply_median_seconds,
       reporting.nearest_rank(array_agg(facts.first_reply_seconds order by facts.first_reply_seconds)
           filter (where facts.first_reply_seconds is not null), 90) as first_reply_p90_seconds,
       count(facts.first_resolution_seconds)                                      as first_resolution_count,
       round(sum(facts.first_resolution_seconds)::numeric / nullif(count(facts.first_resolution_seconds), 0))::bigint
                                                                                  as first_resolution_mean_seconds,
       reporting.nearest_rank(array_agg(facts.first_resolution_seconds order by facts.first_resolution_seconds)
           filter (where facts.first_resolution_seconds is not null), 50) as first_resolution_median_seconds,
       reporting.nearest_rank(array_agg(facts.first_resolution_seconds order by facts.first_resolution_seconds)
           filter (where facts.first_resolution_seconds is not null), 90) as first_resolution_p90_seconds,
       count(facts.full_resolution_seconds)                                       as full_resolution_count,
       round(sum(facts.full_resolution_seconds)::numeric / nullif(count(facts.full_resolution_seconds), 0))::bigint
                                                                                  as full_resolution_mean_seconds,
       reporting.nearest_rank(array_agg(facts.full_resolution_seconds order by facts.full_resolution_seconds)
           filter (where facts.full_resolution_seconds is not null), 50) as full_resolution_median_seconds,
       reporting.nearest_rank(array_agg(facts.full_resolution_seconds order by facts.full_resolution_seconds)
           filter (where facts.full_resolution_seconds is not null), 90) as full_resolution_p90_seconds,
       count(facts.requester_wait_seconds)                                        as requester_wait_count,
       round(sum(facts.requester_wait_seconds)::numeric / nullif(count(facts.requester_wait_seconds), 0))::bigint
                                                                                  as requester_wait_mean_seconds,
       reporting.nearest_rank(array_agg(facts.requester_wait_seconds order by facts.requester_wait_seconds)
           filter (where facts.requester_wait_seconds is not null), 50) as requester_wait_median_seconds,
       reporting.nearest_rank(array_agg(facts.requester_wait_seconds order by facts.requester_wait_seconds)
           filter (where facts.requester_wait_seconds is not null), 90) as requester_wait_p90_seconds,
       count(*) filter (where facts.refunded)::float8 / count(*)                 as refund_rate,
       sum(facts.follow_ups_completed)::float8
           / nullif(sum(facts.follow_ups_completed) + sum(facts.follow_ups_missed), 0) as follow_up_completion_rate,
       100.0::float8 * count(*) filter (where facts.csat >= 4) / nullif(count(facts.csat), 0) as csat,
       100.0::float8 * count(*) filter (where facts.nps >= 9) / nullif(count(facts.nps), 0)
           - 100.0::float8 * count(*) filter (where facts.nps <= 6) / nullif(count(facts.nps), 0) as nps,
       count(*) filter (where facts.sla_first_reply_outcome = 'MET')::float8
           / nullif(count(facts.sla_first_reply_outcome), 0)                     as sla_first_reply_compliance,
       sum(facts.sla_next_replies_met)::float8
           / nullif(sum(facts.sla_next_replies_met) + sum(facts.sla_next_replies_breached), 0)
                                                                                 as sla_next_reply_compliance,
       count(*) filter (where facts.sla_resolution_outcome = 'MET')::float8
           / nullif(count(facts.sla_resolution_outcome), 0)                      as sla_resolution_compliance
from (select case_facts.*,
             (case_facts.opened_at at time zone 'UTC')::date as day,
             coalesce(case_facts.agent_id, 'unassigned')     as agent,
             case_facts.status in ('RESOLVED', 'CLOSED')     as resolved_now,
             -- the changes alternate between becoming RESOLVED or CLOSED and stopping being either
             (select count(*) from unnest(case_facts.resolution_changes) as change
              where change < ((case_facts.opened_at at time zone 'UTC')::date + 1)::timestamp at time zone 'UTC')
                 % 2 = 1                                     as resolved_at_day_end
      from projections.service_level_case case_facts) as facts
group by grouping sets ((facts.day), (facts.day, facts.channel), (facts.day, facts.type), (facts.day, facts.category),
                        (facts.day, facts.priority), (facts.day, facts.agent));

create view reporting.daily_service_levels_by_channel as
select day, key as channel, cases_opened, cases_resolved, resolution_rate, one_touch_rate, reopen_rate, complaint_rate,
       backlog,
       first_reply_count, first_reply_mean_seconds, first_reply_median_seconds, first_reply_p90_seconds,
       first_resolution_count, first_resolution_mean_seconds, first_resolution_median_seconds, first_resolution_p90_seconds,
       full_resolution_count, full_resolution_mean_seconds, full_resolution_median_seconds, full_resolution_p90_seconds,
       requester_wait_count, requester_wait_mean_seconds, requester_wait_median_seconds, requester_wait_p90_seconds,
       refund_rate, follow_up_completion_rate, csat, nps, sla_first_reply_compliance, sla_next_reply_compliance,
       sla_resolution_compliance
from reporting.daily_service_levels
where grouped_by = 'channel';

create view reporting.daily_service_levels_by_agent as
select day, key as agent_id, cases_opened, cases_resolved, resolution_rate, one_touch_rate, reopen_rate,
       complaint_rate, backlog,
       first_reply_count, first_reply_mean_seconds, first_reply_median_seconds, first_reply_p90_seconds,
       first_resolution_count, first_resolution_mean_seconds, first_resolution_median_seconds, first_resolution_p90_seconds,
       full_resolution_count, full_resolution_mean_seconds, full_resolution_median_seconds, full_resolution_p90_seconds,
       requester_wait_count, requester_wait_mean_seconds, requester_wait_median_seconds, requester_wait_p90_seconds,
       refund_rate, follow_up_completion_rate, csat, nps, sla_first_reply_compliance, sla_next_reply_compliance,
       sla_resolution_compliance
from reporting.daily_service_levels
where grouped_by = 'agent';

-- After-sales requests (refund, return and refund, exchange, repair) with their decisions, from their events: the
-- projections keep them only inside the binary case fold. Reasons are personal text and are not shown.
create view reporting.after_sales_requests as
select request.case_id,
       request.request_id,
       request.kind,
       request.amount,
       request.currency,
       request.order_id,
       request.requested_at,
       case request.latest_event
           when 'RefundApproved' then 'APPROVED'
           when 'RefundRejected' then 'REJECTED'
           when 'RefundIssued' then 'ISSUED'
           when 'RefundFailed' then 'FAILED'
           else 'REQUESTED' end as status,
       request.approved_at,
       request.approver_id,
       request.approved_automatically,
       request.rejected_at,
       request.issued_at,
       request.issue_reference,
       request.failed_at
from (select payload ->> 'caseId'                                                       as case_id,
             payload ->> 'refundId'                                                     as request_id,
             max(payload ->> 'kind') filter (where event_type = 'RefundRequested')      as kind,
             max((payload -> 'amount' ->> 'amount')::numeric) filter (where event_type = 'RefundRequested') as amount,
             max(payload -> 'amount' ->> 'currency') filter (where event_type = 'RefundRequested') as currency,
             max(payload ->> 'orderId') filter (where event_type = 'RefundRequested')   as order_id,
             max(occurred_at) filter (where event_type = 'RefundRequested')             as requested_at,
             max(occurred_at) filter (where event_type = 'RefundApproved')              as approved_at,
             max(payload ->> 'approverId') filter (where event_type = 'RefundApproved') as approver_id,
             bool_or((payload ->> 'automatic')::boolean) filter (where event_type = 'RefundApproved')
                                                                                        as approved_automatically,
             max(occurred_at) filter (where event_type = 'RefundRejected')              as rejected_at,
             max(occurred_at) filter (where event_type = 'RefundIssued')                as issued_at,
             max(payload ->> 'reference') filter (where event_type = 'RefundIssued')    as issue_reference,
             max(occurred_at) filter (where event_type = 'RefundFailed')                as failed_at,
             (array_agg(event_type order by global_index desc))[1]                      as latest_event
      from (select entry.global_index,
                   regexp_replace(entry.payload_type, '^.*[.$]', '') as event_type,
                   decoded.payload,
                   (decoded.payload ->> 'occurredAt')::timestamptz   as occurred_at
            from eventstore.domain_event_entry entry
                 cross join lateral (select convert_from(entry.payload, 'UTF8')::jsonb as payload) as decoded
            where entry.payload_type in ('com.caseledger.events.RefundRequested', 'com.caseledger.events.RefundApproved',
                                         'com.caseledger.events.RefundRejected', 'com.caseledger.events.RefundIssued',
                                         'com.caseledger.events.RefundFailed')) as request_events
      group by payload ->> 'caseId', payload ->> 'refundId') as request;

-- Follow-up calls as the callers' worklist holds them, with their outcome from their events (the satisfaction score of
-- the latest completion). The purpose, the case's subject and the call notes are personal text and are not shown.
create view reporting.follow_up_calls as
select call.case_id,
       call.follow_up_id,
       call.status,
       call.scheduled_for,
       call.automatic,
       call.customer_id,
       call.case_status,
       outcome.completed_at,
       outcome.satisfaction,
       outcome.missed_at
from projections.follow_up call
     left join (select payload ->> 'caseId'                                             as case_id,
                       payload ->> 'followUpId'                                         as follow_up_id,
                       max(occurred_at) filter (where event_type = 'FollowUpCompleted') as completed_at,
                       (array_agg((payload ->> 'satisfaction')::integer order by global_index desc)
                           filter (where event_type = 'FollowUpCompleted'))[1]          as satisfaction,
                       max(occurred_at) filter (where event_type = 'FollowUpMissed')    as missed_at
                from (select entry.global_index,
                             regexp_replace(entry.payload_type, '^.*[.$]', '') as event_type,
                             decoded.payload,
                             (decoded.payload ->> 'occurredAt')::timestamptz   as occurred_at
                      from eventstore.domain_event_entry entry
                           cross join lateral (select convert_from(entry.payload, 'UTF8')::jsonb as payload) as decoded
                      where entry.payload_type in ('com.caseledger.events.FollowUpCompleted',
                                                   'com.caseledger.events.FollowUpMissed')) as call_events
                group by payload ->> 'caseId', payload ->> 'followUpId') as outcome
         on outcome.case_id = call.case_id and outcome.follow_up_id = call.follow_up_id;

-- Every survey answer as given, from its events. An answer replaces the case's earlier answer of the same instrument;
-- the *_latest columns mark the answers the report counts.
create view reporting.survey_answers as
select payload ->> 'caseId'                                 as case_id,
       answer.global_index                                  as answer_index,
       (payload ->> 'occurredAt')::timestamptz              as answered_at,
       (payload ->> 'csat')::integer                        as csat,
       (payload ->> 'nps')::integer                         as nps,
       (payload -> 'servqual' -> 'TANGIBLES' ->> 'expectation')::integer as tangibles_expectation,
       (payload -> 'servqual' -> 'TANGIBLES' ->> 'perception')::integer  as tangibles_perception,
       (payload -> 'servqual' -> 'RELIABILITY' ->> 'expectation')::integer as reliability_expectation,
       (payload -> 'servqual' -> 'RELIABILITY' ->> 'perception')::integer  as reliability_perception,
       (payload -> 'servqual' -> 'RESPONSIVENESS' ->> 'expectation')::integer as responsiveness_expectation,
       (payload -> 'servqual' -> 'RESPONSIVENESS' ->> 'perception')::integer  as responsiveness_perception,
       (payload -> 'servqual' -> 'ASSURANCE' ->> 'expectation')::integer as assurance_expectation,
       (payload -> 'servqual' -> 'ASSURANCE' ->> 'perception')::integer  as assurance_perception,
       (payload -> 'servqual' -> 'EMPATHY' ->> 'expectation')::integer as empathy_expectation,
       (payload -> 'servqual' -> 'EMPATHY' ->> 'perception')::integer  as empathy_perception,
       payload ->> 'csat' is not null and answer.global_index = max(answer.global_index)
           filter (where payload ->> 'csat' is not null) over (partition by payload ->> 'caseId') as csat_latest,
       payload ->> 'nps' is not null and answer.global_index = max(answer.global_index)
           filter (where payload ->> 'nps' is not null) over (partition by payload ->> 'caseId')  as nps_latest,
       jsonb_typeof(payload -> 'servqual') = 'object' and answer.global_index = max(answer.global_index)
           filter (where jsonb_typeof(payload -> 'servqual') = 'object') over (partition by payload ->> 'caseId')
                                                            as servqual_latest
from (select entry.global_index, convert_from(entry.payload, 'UTF8')::jsonb as payload
      from eventstore.domain_event_entry entry
      where entry.payload_type = 'com.caseledger.events.SurveyAnswered') as answer;

-- The read-only role that reporting tools sign in through (granted to a login user; see the README). Creating a role
-- takes CREATEROLE: without it the role is left to an operator, and the grants (afterMigrate.sql) follow once it exists.
do $$
begin
    if not exists (select from pg_roles where rolname = 'caseledger_reporting')
       and exists (select from pg_roles where rolname = current_user and (rolsuper or rolcreaterole)) then
        create role caseledger_reporting nologin;
    end if;
end
$$;
