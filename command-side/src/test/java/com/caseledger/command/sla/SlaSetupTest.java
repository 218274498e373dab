package com.caseledger.command.sla;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaMatch;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.SlaPolicyRemoved;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;

/** The rules of the SLA definitions: versions count up per definition, removal, and what is refused. */
class SlaSetupTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");
    static final BusinessCalendar SHANGHAI = BusinessCalendar.parse("Asia/Shanghai",
            Map.of("MONDAY", List.of(new WorkingInterval.Text("09:00", "18:00"))), List.of("2026-10-01"));
    static final BusinessCalendar BERLIN = BusinessCalendar.parse("Europe/Berlin",
            Map.of("FRIDAY", List.of(new WorkingInterval.Text("08:00", "12:00"), new WorkingInterval.Text("13:00", "17:00"))),
            List.of());
    static final SlaPolicy URGENT = new SlaPolicy("Urgent complaints", 10,
            new SlaMatch(Set.of(Priority.URGENT), Set.of(CaseType.COMPLAINT), Set.of()), "cn",
            new SlaTargets(3600L, null, 86_400L), true);
    static final SlaPolicy ROUND_THE_CLOCK = new SlaPolicy("Everything else", 100, SlaMatch.ANY, null,
            new SlaTargets(null, 7200L, null), false);

    private AggregateTestFixture<SlaSetup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SlaSetup.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void the_first_definition_of_a_calendar_is_its_version_1() {
        fixture.givenNoPriorActivity()
                .when(new DefineSlaCalendar("cn", SHANGHAI))
                .expectEvents(new SlaCalendarDefined("cn", 1, SHANGHAI, NOW))
                .expectResultMessagePayload(new SlaChange("cn", 1, true, true));
    }

    @Test
    void replacing_a_calendar_records_its_next_version() {
        fixture.given(new SlaCalendarDefined("cn", 1, SHANGHAI, EARLIER))
                .when(new DefineSlaCalendar("cn", BERLIN))
                .expectEvents(new SlaCalendarDefined("cn", 2, BERLIN, NOW))
                .expectResultMessagePayload(new SlaChange("cn", 2, false, true));
    }

    @Test
    void a_calendar_sent_again_unchanged_records_nothing() {
        fixture.given(new SlaCalendarDefined("cn", 1, SHANGHAI, EARLIER))
                .when(new DefineSlaCalendar("cn", SHANGHAI))
                .expectNoEvents()
                .expectResultMessagePayload(new SlaChange("cn", 1, false, false));
    }

    @Test
    void a_policy_may_name_a_defined_calendar() {
        fixture.given(new SlaCalendarDefined("cn", 1, SHANGHAI, EARLIER))
                .when(new DefineSlaPolicy("urgent", URGENT))
                .expectEvents(new SlaPolicyDefined("urgent", 1, URGENT, NOW))
                .expectResultMessagePayload(new SlaChange("urgent", 1, true, true));
    }

    @Test
    void a_policy_naming_an_unknown_calendar_is_refused_naming_calendar_id() {
        fixture.given(new SlaCalendarDefined("de", 1, BERLIN, EARLIER))
                .when(new DefineSlaPolicy("urgent", URGENT))
                .expectNoEvents()
                .expectException(refusal("calendarId"))
                .expectExceptionMessage(containsString("names no defined calendar"));
    }

    @Test
    void the_very_first_change_may_be_refused_and_records_nothing() {
        fixture.givenNoPriorActivity()
                .when(new DefineSlaPolicy("urgent", URGENT))
                .expectNoEvents()
                .expectException(InvalidSlaDefinition.class);
    }

    @Test
    void each_change_of_a_policy_raises_its_version_and_other_policies_count_their_own() {
        SlaPolicy faster = new SlaPolicy("Everything else", 100, SlaMatch.ANY, null, new SlaTargets(null, 3600L, null), false);
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER),
                        new SlaCalendarDefined("cn", 1, SHANGHAI, EARLIER),
                        new SlaPolicyDefined("urgent", 1, URGENT, EARLIER),
                        new SlaPolicyDefined("urgent", 2, new SlaPolicy("Urgent complaints", 5, URGENT.match(), "cn", URGENT.targets(), true), EARLIER))
                .when(new DefineSlaPolicy("rest", faster))
                .expectEvents(new SlaPolicyDefined("rest", 2, faster, NOW))
                .expectResultMessagePayload(new SlaChange("rest", 2, false, true));
    }

    @Test
    void a_policy_sent_again_unchanged_records_nothing() {
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER))
                .when(new DefineSlaPolicy("rest", ROUND_THE_CLOCK))
                .expectNoEvents()
                .expectResultMessagePayload(new SlaChange("rest", 1, false, false));
    }

    @Test
    void removing_a_policy_is_a_version_of_its_own() {
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER))
                .when(new RemoveSlaPolicy("rest"))
                .expectEvents(new SlaPolicyRemoved("rest", 2, NOW))
                .expectResultMessagePayload(new SlaChange("rest", 2, false, true));
    }

    @Test
    void a_policy_defined_again_after_its_removal_goes_on_counting() {
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER), new SlaPolicyRemoved("rest", 2, EARLIER))
                .when(new DefineSlaPolicy("rest", ROUND_THE_CLOCK))
                .expectEvents(new SlaPolicyDefined("rest", 3, ROUND_THE_CLOCK, NOW))
                .expectResultMessagePayload(new SlaChange("rest", 3, true, true));
    }

    @Test
    void a_removed_policy_cannot_be_removed_again() {
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER), new SlaPolicyRemoved("rest", 2, EARLIER))
                .when(new RemoveSlaPolicy("rest"))
                .expectNoEvents()
                .expectException(UnknownSlaDefinition.class);
    }

    @Test
    void a_policy_never_defined_cannot_be_removed() {
        fixture.givenNoPriorActivity()
                .when(new RemoveSlaPolicy("nothing"))
                .expectNoEvents()
                .expectException(UnknownSlaDefinition.class);
    }

    @Test
    void a_policy_without_any_target_is_refused_naming_targets() {
        refused(new SlaTargets(null, null, null), "targets");
    }

    @ParameterizedTest
    @CsvSource({
            "0, , , targets.firstReplySeconds",
            "-5, , , targets.firstReplySeconds",
            ", 0, , targets.nextReplySeconds",
            "60, , -1, targets.resolutionSeconds",
            "31622401, , , targets.firstReplySeconds"})
    void targets_are_whole_seconds_from_one_second_to_366_days(Long firstReply, Long nextReply, Long resolution,
                                                                String field) {
        refused(new SlaTargets(firstReply, nextReply, resolution), field);
    }

    @Test
    void the_longest_target_is_366_days() {
        SlaPolicy longest = new SlaPolicy("Slow lane", 1, SlaMatch.ANY, null, new SlaTargets(null, null, 31_622_400L), false);
        fixture.givenNoPriorActivity()
                .when(new DefineSlaPolicy("slow", longest))
                .expectEvents(new SlaPolicyDefined("slow", 1, longest, NOW));
    }

    private void refused(SlaTargets targets, String field) {
        fixture.given(new SlaPolicyDefined("rest", 1, ROUND_THE_CLOCK, EARLIER))
                .when(new DefineSlaPolicy("rest", new SlaPolicy("Everything else", 100, SlaMatch.ANY, null, targets, false)))
                .expectNoEvents()
                .expectException(refusal(field));
    }

    /** An {@link InvalidSlaDefinition} naming the field. */
    private static Matcher<InvalidSlaDefinition> refusal(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidSlaDefinition refused) {
                return refused.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal naming ").appendValue(field);
            }
        };
    }
}
