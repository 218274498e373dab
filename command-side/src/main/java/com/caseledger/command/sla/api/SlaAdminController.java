package com.caseledger.command.sla.api;

import com.caseledger.command.metadata.RequestMetadata;
import com.caseledger.command.sla.DefineSlaCalendar;
import com.caseledger.command.sla.DefineSlaPolicy;
import com.caseledger.command.sla.RemoveSlaPolicy;
import com.caseledger.command.sla.SlaChange;
import com.caseledger.command.sla.SlaDefinitionHistory;
import com.caseledger.command.sla.SlaDefinitionHistory.DefinitionsAt;
import com.caseledger.command.sla.api.SlaRequests.CalendarRequest;
import com.caseledger.command.sla.api.SlaRequests.IntervalRequest;
import com.caseledger.command.sla.api.SlaRequests.MatchRequest;
import com.caseledger.command.sla.api.SlaRequests.PolicyRequest;
import com.caseledger.command.sla.api.SlaViews.CalendarView;
import com.caseledger.command.sla.api.SlaViews.PolicyView;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaMatch;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Changes of the SLA definitions: each PUT or DELETE that changes something is one event, recorded with the
 * signed-in user as actor. A PUT creates or replaces; one that repeats the definition in force records nothing. Ids in
 * the path are held to the rule of every path segment (one line, at most 200 characters).
 */
@RestController
@Tag(name = "SLA administration", description = "Business calendars and SLA policies; every change is an event")
public class SlaAdminController {

    private static final String BASE = "/api/admin/sla";

    private final CommandGateway commandGateway;
    private final SlaDefinitionHistory history;
    private final HttpServletRequest request;

    public SlaAdminController(CommandGateway commandGateway, SlaDefinitionHistory history, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.history = history;
        this.request = request;
    }

    @PutMapping(path = BASE + "/calendars/{calendarId}", produces = "application/json")
    @Operation(summary = "Define a business calendar, or replace it with a new version (no deletion: policies may use it)",
            responses = {
                    @ApiResponse(responseCode = "200", description = "replaced, or already so (nothing recorded)",
                            content = @Content(schema = @Schema(implementation = CalendarView.class))),
                    @ApiResponse(responseCode = "201", description = "defined",
                            content = @Content(schema = @Schema(implementation = CalendarView.class))),
                    @ApiResponse(responseCode = "409", description = "Another change of the SLA definitions came first; retry")})
    public ResponseEntity<CalendarView> defineCalendar(@PathVariable String calendarId,
                                                       @Valid @RequestBody CalendarRequest body) {
        BusinessCalendar calendar = BusinessCalendar.parse(body.zone(), intervals(body.workingHours()), body.holidays());
        SlaChange change = send(new DefineSlaCalendar(calendarId, calendar));
        DefinitionsAt now = history.current();
        CalendarView view = now.definitions().calendar(calendarId)
                .map(defined -> SlaViews.calendar(defined, now.latestChange(defined))).orElseThrow();
        return answer(change, BASE + "/calendars/" + calendarId, view);
    }

    @PutMapping(path = BASE + "/policies/{policyId}", produces = "application/json")
    @Operation(summary = "Define an SLA policy, or replace it with a new version; cases that took an earlier version keep it",
            responses = {
                    @ApiResponse(responseCode = "200", description = "replaced, or already so (nothing recorded)",
                            content = @Content(schema = @Schema(implementation = PolicyView.class))),
                    @ApiResponse(responseCode = "201", description = "defined (also again after a removal)",
                            content = @Content(schema = @Schema(implementation = PolicyView.class))),
                    @ApiResponse(responseCode = "409", description = "Another change of the SLA definitions came first; retry")})
    public ResponseEntity<PolicyView> definePolicy(@PathVariable String policyId,
                                                   @Valid @RequestBody PolicyRequest body) {
        SlaChange change = send(new DefineSlaPolicy(policyId, policy(body)));
        DefinitionsAt now = history.current();
        PolicyView view = now.definitions().policy(policyId)
                .map(defined -> SlaViews.policy(defined, now.latestChange(defined))).orElseThrow();
        return answer(change, BASE + "/policies/" + policyId, view);
    }

    @DeleteMapping(path = BASE + "/policies/{policyId}")
    @Operation(summary = "Remove an SLA policy: cases no longer take it; cases that have it keep their targets",
            responses = {
                    @ApiResponse(responseCode = "204", description = "removed"),
                    @ApiResponse(responseCode = "404", description = "No such policy in force"),
                    @ApiResponse(responseCode = "409", description = "Another change of the SLA definitions came first; retry")})
    public ResponseEntity<Void> removePolicy(@PathVariable String policyId) {
        send(new RemoveSlaPolicy(policyId));
        return ResponseEntity.noContent().build();
    }

    private SlaChange send(Object command) {
        try {
            return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(RequestMetadata.ofChange(request)));
        } catch (ConcurrencyException e) {
            throw new SlaAdminErrors.ConcurrentSlaChange();
        }
    }

    private static <T> ResponseEntity<T> answer(SlaChange change, String location, T view) {
        if (change.created()) {
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).body(view);
        }
        return ResponseEntity.ok(view);
    }

    private static Map<String, List<WorkingInterval.Text>> intervals(Map<DayOfWeek, List<IntervalRequest>> hours) {
        Map<String, List<WorkingInterval.Text>> text = new LinkedHashMap<>();
        hours.forEach((day, intervals) -> text.put(day.name(), intervals.stream()
                .map(interval -> new WorkingInterval.Text(interval.from(), interval.to())).toList()));
        return text;
    }

    private static SlaPolicy policy(PolicyRequest body) {
        MatchRequest match = body.match();
        SlaMatch slaMatch = match == null ? SlaMatch.ANY
                : new SlaMatch(set(match.priorities()), set(match.types()), set(match.channels()));
        SlaTargets targets = body.targets() == null ? null : new SlaTargets(body.targets().firstReplySeconds(),
                body.targets().nextReplySeconds(), body.targets().resolutionSeconds());
        return new SlaPolicy(body.name(), body.position(), slaMatch, body.calendarId(), targets,
                Objects.requireNonNullElse(body.escalateOnBreach(), false));
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values) {
        return values == null || values.isEmpty() ? Set.of() : EnumSet.copyOf(values);
    }
}
