package com.caseledger.command.sla.api;

import com.caseledger.command.sla.RecordedSlaChange;
import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.WorkingInterval;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SLA definitions as the admin API answers them: in the shape they are written in, with version and last change. */
final class SlaViews {

    private SlaViews() {
    }

    record CalendarView(String calendarId, long version, String zone,
                        Map<DayOfWeek, List<WorkingInterval.Text>> workingHours, List<LocalDate> holidays,
                        @Schema(nullable = true, description = "who made this version") String changedBy,
                        Instant changedAt) {
    }

    record MatchView(Set<Priority> priorities, Set<CaseType> types, Set<Channel> channels) {
    }

    record TargetsView(@Schema(nullable = true) Long firstReplySeconds,
                       @Schema(nullable = true) Long nextReplySeconds,
                       @Schema(nullable = true) Long resolutionSeconds) {
    }

    record PolicyView(String policyId, long version, String name, int position, MatchView match,
                      @Schema(nullable = true, description = "null: round-the-clock time") String calendarId,
                      TargetsView targets, boolean escalateOnBreach,
                      @Schema(nullable = true, description = "who made this version") String changedBy,
                      Instant changedAt) {
    }

    @Schema(description = "One change of the SLA definitions: a calendar or policy defined (calendar or policy holds "
            + "the version it made), or a policy removed")
    record ChangeView(long sequence, String eventId,
                      @Schema(allowableValues = {"SlaCalendarDefined", "SlaPolicyDefined", "SlaPolicyRemoved"}) String type,
                      @Schema(description = "the calendar's or the policy's id") String definitionId,
                      long version, Instant recordedAt,
                      @Schema(nullable = true) String actor,
                      @Schema(nullable = true) String causedBy,
                      @Schema(nullable = true) String correlationId,
                      @Schema(nullable = true) CalendarView calendar,
                      @Schema(nullable = true) PolicyView policy) {
    }

    record HistoryPage(List<ChangeView> changes,
                       @Schema(nullable = true, description = "pass as `after` for the next page; null on the last page")
                       Long nextAfter) {
    }

    static CalendarView calendar(SlaCalendarDefined defined, RecordedSlaChange change) {
        BusinessCalendar calendar = defined.calendar();
        Map<DayOfWeek, List<WorkingInterval.Text>> hours = new EnumMap<>(DayOfWeek.class);
        calendar.workingHours().forEach((day, intervals) ->
                hours.put(day, intervals.stream().map(WorkingInterval::text).toList()));
        return new CalendarView(defined.calendarId(), defined.version(), calendar.zone().getId(), hours,
                List.copyOf(calendar.holidays()), change.actor(), change.recordedAt());
    }

    static PolicyView policy(SlaPolicyDefined defined, RecordedSlaChange change) {
        SlaPolicy policy = defined.policy();
        return new PolicyView(defined.policyId(), defined.version(), policy.name(), policy.position(),
                new MatchView(policy.match().priorities(), policy.match().types(), policy.match().channels()),
                policy.calendarId(),
                new TargetsView(policy.targets().firstReplySeconds(), policy.targets().nextReplySeconds(),
                        policy.targets().resolutionSeconds()),
                policy.escalateOnBreach(), change.actor(), change.recordedAt());
    }

    static ChangeView change(RecordedSlaChange change) {
        CalendarView calendar = change.event() instanceof SlaCalendarDefined defined ? calendar(defined, change) : null;
        PolicyView policy = change.event() instanceof SlaPolicyDefined defined ? policy(defined, change) : null;
        return new ChangeView(change.sequence(), change.eventId(), change.event().getClass().getSimpleName(),
                change.event().definitionId(), change.event().version(), change.recordedAt(), change.actor(),
                change.causedBy(), change.correlationId(), calendar, policy);
    }
}
