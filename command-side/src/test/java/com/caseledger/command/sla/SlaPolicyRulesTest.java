package com.caseledger.command.sla;

import com.caseledger.command.cases.CaseRulesFixture;
import com.caseledger.command.cases.OpenCase;
import com.caseledger.command.cases.PrioritizeCase;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.events.CasePrioritized;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaMatch;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.SlaPolicyRemoved;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;

/**
 * A case takes the first matching SLA policy in force when it is opened and when its priority changes, and records
 * which policy and which version (and its calendar's) applied; the same version of the same policy again records
 * nothing.
 */
class SlaPolicyRulesTest extends CaseRulesFixture {

    static final SlaTargets NORMAL_TARGETS = new SlaTargets(3600L, 7200L, 86_400L);
    /** Targets the case opened five days before NOW has not used up: no breach is recorded before the change. */
    static final SlaTargets NOT_YET_DUE = new SlaTargets(30L * 86_400, null, 60L * 86_400);
    static final SlaTargets URGENT_TARGETS = new SlaTargets(900L, null, 14_400L);
    static final BusinessCalendar OFFICE = BusinessCalendar.parse("Europe/Berlin",
            Map.of("MONDAY", List.of(new WorkingInterval.Text("09:00", "17:00"))), List.of());

    @Test
    void an_opened_case_takes_the_first_matching_policy_by_the_system() {
        define("email-complaints", 1, 20, new SlaMatch(Set.of(), Set.of(CaseType.COMPLAINT), Set.of(Channel.EMAIL)),
                null, NORMAL_TARGETS);
        define("catch-all", 1, 30, SlaMatch.ANY, null, URGENT_TARGETS);

        fixture.givenNoPriorActivity()
                .when(openComplaint(Priority.NORMAL))
                .expectEventsMatching(exactSequenceOf(eventWithPayload(opened()),
                        allOf(eventWithPayload(applied("email-complaints", 1, NORMAL_TARGETS)), recordedBy("system")),
                        andNoMore()));
    }

    @Test
    void the_case_records_the_calendar_and_its_version_with_the_policy() {
        slaDefinitions.apply(new SlaCalendarDefined("office", 1, OFFICE, OPENED_AT));
        slaDefinitions.apply(new SlaCalendarDefined("office", 2, OFFICE, OPENED_AT));
        define("office-hours", 3, 10, SlaMatch.ANY, "office", NORMAL_TARGETS);

        fixture.givenNoPriorActivity()
                .when(openComplaint(Priority.NORMAL))
                .expectEvents(opened(), new SlaPolicyApplied(CASE_ID, "office-hours", 3L, "office", 2L, NORMAL_TARGETS,
                        OFFICE, false, OPENED_AT));
    }

    @Test
    void a_case_that_no_policy_matches_records_no_policy() {
        define("phone-only", 1, 10, new SlaMatch(Set.of(), Set.of(), Set.of(Channel.PHONE)), null, NORMAL_TARGETS);

        fixture.givenNoPriorActivity()
                .when(openComplaint(Priority.NORMAL))
                .expectEvents(opened());
    }

    @Test
    void a_priority_change_moves_the_case_to_the_policy_for_its_new_priority() {
        define("normal", 1, 20, new SlaMatch(Set.of(Priority.NORMAL), Set.of(), Set.of()), null, NORMAL_TARGETS);
        define("urgent", 4, 10, new SlaMatch(Set.of(Priority.URGENT), Set.of(), Set.of()), null, URGENT_TARGETS);

        fixture.given(opened(), applied("normal", 1, NOT_YET_DUE))
                .when(new PrioritizeCase(CASE_ID, Priority.URGENT, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.URGENT, NOW),
                        new SlaPolicyApplied(CASE_ID, "urgent", 4L, null, null, URGENT_TARGETS, null, false, NOW));
    }

    @Test
    void a_priority_change_that_no_policy_matches_takes_the_policy_away() {
        define("normal", 1, 20, new SlaMatch(Set.of(Priority.NORMAL), Set.of(), Set.of()), null, NORMAL_TARGETS);

        fixture.given(opened(), applied("normal", 1, NOT_YET_DUE))
                .when(new PrioritizeCase(CASE_ID, Priority.LOW, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.LOW, NOW), SlaPolicyApplied.none(CASE_ID, NOW));
    }

    @Test
    void a_priority_change_the_same_policy_version_covers_records_only_the_priority() {
        define("normal-and-high", 1, 20, new SlaMatch(Set.of(Priority.NORMAL, Priority.HIGH), Set.of(), Set.of()), null,
                NORMAL_TARGETS);

        fixture.given(opened(), applied("normal-and-high", 1, NOT_YET_DUE))
                .when(new PrioritizeCase(CASE_ID, Priority.HIGH, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.HIGH, NOW));
    }

    @Test
    void a_priority_change_takes_a_newer_version_of_the_same_policy() {
        define("normal-and-high", 2, 20, new SlaMatch(Set.of(Priority.NORMAL, Priority.HIGH), Set.of(), Set.of()), null,
                URGENT_TARGETS);

        fixture.given(opened(), applied("normal-and-high", 1, NOT_YET_DUE))
                .when(new PrioritizeCase(CASE_ID, Priority.HIGH, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.HIGH, NOW),
                        new SlaPolicyApplied(CASE_ID, "normal-and-high", 2L, null, null, URGENT_TARGETS, null, false, NOW));
    }

    @Test
    void a_case_without_a_policy_that_still_matches_none_records_only_the_priority() {
        fixture.given(opened())
                .when(new PrioritizeCase(CASE_ID, Priority.HIGH, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.HIGH, NOW));
    }

    @Test
    void the_same_priority_again_records_nothing_even_when_the_policy_changed() {
        define("normal", 2, 20, SlaMatch.ANY, null, URGENT_TARGETS);

        fixture.given(opened(), applied("normal", 1, NOT_YET_DUE))
                .when(new PrioritizeCase(CASE_ID, Priority.NORMAL, null))
                .expectNoEvents();
    }

    @Test
    void a_removed_policy_is_not_taken_by_a_case_opened_after_its_removal() {
        define("gone", 1, 10, SlaMatch.ANY, null, URGENT_TARGETS);
        slaDefinitions.apply(new SlaPolicyRemoved("gone", 2, OPENED_AT));
        define("rest", 1, 50, SlaMatch.ANY, null, NORMAL_TARGETS);

        fixture.givenNoPriorActivity()
                .when(openComplaint(Priority.NORMAL))
                .expectEvents(opened(), applied("rest", 1, NORMAL_TARGETS));
    }

    @Test
    void an_opening_that_takes_a_policy_answers_the_version_after_both_events() {
        define("rest", 1, 50, SlaMatch.ANY, null, NORMAL_TARGETS);

        fixture.givenNoPriorActivity()
                .when(openComplaint(Priority.NORMAL))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 1));
    }

    private void define(String policyId, long version, int position, SlaMatch match, String calendarId,
                        SlaTargets targets) {
        slaDefinitions.apply(new SlaPolicyDefined(policyId, version,
                new SlaPolicy(policyId, position, match, calendarId, targets, false), OPENED_AT));
    }

    /** Imported with the opening's instant: the policy in force now applies to it. */
    private static OpenCase openComplaint(Priority priority) {
        return new OpenCase(CASE_ID, CaseType.COMPLAINT, Channel.EMAIL, Category.PRODUCT, priority, "customer-42",
                "Kettle stopped working", "It no longer heats", ORDER_ID, ORDER_AMOUNT, OPENED_AT);
    }

    private static SlaPolicyApplied applied(String policyId, long version, SlaTargets targets) {
        return new SlaPolicyApplied(CASE_ID, policyId, version, null, null, targets, null, false, OPENED_AT);
    }
}
