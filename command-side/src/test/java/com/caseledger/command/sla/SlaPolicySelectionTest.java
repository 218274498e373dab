package com.caseledger.command.sla;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaDefinitions;
import com.caseledger.events.sla.SlaMatch;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.SlaPolicyRemoved;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingClock;
import com.caseledger.events.sla.WorkingInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A case takes the first policy in force that matches it, by position and then id, at that policy's version. */
class SlaPolicySelectionTest {

    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final SlaTargets HOUR = new SlaTargets(3600L, null, null);
    static final BusinessCalendar OFFICE = BusinessCalendar.parse("Asia/Shanghai",
            Map.of("MONDAY", List.of(new WorkingInterval.Text("09:00", "18:00"))), List.of());

    private final SlaDefinitions definitions = new SlaDefinitions();

    @Test
    void without_policies_a_case_has_none() {
        assertThat(select(CaseType.INQUIRY, Channel.EMAIL, Priority.NORMAL)).isEmpty();
    }

    @Test
    void the_lowest_position_that_matches_wins_whatever_the_order_of_definition() {
        define("catch-all", 100, SlaMatch.ANY, null, 1);
        define("urgent", 10, new SlaMatch(Set.of(Priority.URGENT), Set.of(), Set.of()), null, 1);
        define("urgent-complaints", 5, new SlaMatch(Set.of(Priority.URGENT), Set.of(CaseType.COMPLAINT), Set.of()), null, 1);

        assertThat(selected(CaseType.COMPLAINT, Channel.CHAT, Priority.URGENT)).isEqualTo("urgent-complaints");
        assertThat(selected(CaseType.INQUIRY, Channel.CHAT, Priority.URGENT)).isEqualTo("urgent");
        assertThat(selected(CaseType.INQUIRY, Channel.CHAT, Priority.LOW)).isEqualTo("catch-all");
    }

    @Test
    void policies_at_the_same_position_are_ordered_by_id() {
        define("b-policy", 1, SlaMatch.ANY, null, 1);
        define("a-policy", 1, SlaMatch.ANY, null, 1);

        assertThat(selected(CaseType.INQUIRY, Channel.EMAIL, Priority.NORMAL)).isEqualTo("a-policy");
    }

    @Test
    void a_case_must_match_every_list_that_is_not_empty() {
        define("phone-complaints", 1, new SlaMatch(Set.of(), Set.of(CaseType.COMPLAINT), Set.of(Channel.PHONE)), null, 1);

        assertThat(select(CaseType.COMPLAINT, Channel.EMAIL, Priority.HIGH)).isEmpty();
        assertThat(select(CaseType.INQUIRY, Channel.PHONE, Priority.HIGH)).isEmpty();
        assertThat(selected(CaseType.COMPLAINT, Channel.PHONE, Priority.HIGH)).isEqualTo("phone-complaints");
    }

    @Test
    void the_case_takes_the_latest_version_and_its_calendar() {
        definitions.apply(new SlaCalendarDefined("office", 1, OFFICE, AT));
        definitions.apply(new SlaCalendarDefined("office", 2, OFFICE, AT));
        define("office-hours", 1, SlaMatch.ANY, null, 1);
        define("office-hours", 1, SlaMatch.ANY, "office", 2);

        SelectedSlaPolicy selected = select(CaseType.INQUIRY, Channel.WEB, Priority.NORMAL).orElseThrow();

        assertThat(selected.policyVersion()).isEqualTo(2);
        assertThat(selected.calendar().version()).isEqualTo(2);
        assertThat(selected.clock()).isEqualTo(OFFICE);
    }

    @Test
    void a_policy_without_a_calendar_counts_round_the_clock() {
        define("rest", 1, SlaMatch.ANY, null, 1);

        assertThat(select(CaseType.INQUIRY, Channel.WEB, Priority.NORMAL).orElseThrow().clock())
                .isEqualTo(WorkingClock.calendarTime());
    }

    @Test
    void a_removed_policy_is_passed_over() {
        define("first", 1, SlaMatch.ANY, null, 1);
        define("second", 2, SlaMatch.ANY, null, 1);
        definitions.apply(new SlaPolicyRemoved("first", 2, AT));

        assertThat(selected(CaseType.INQUIRY, Channel.WEB, Priority.NORMAL)).isEqualTo("second");
    }

    private void define(String id, int position, SlaMatch match, String calendarId, long version) {
        definitions.apply(new SlaPolicyDefined(id, version, new SlaPolicy(id, position, match, calendarId, HOUR, false), AT));
    }

    private Optional<SelectedSlaPolicy> select(CaseType type, Channel channel, Priority priority) {
        return SlaPolicySelection.select(definitions, type, channel, priority);
    }

    private String selected(CaseType type, Channel channel, Priority priority) {
        return select(type, channel, priority).orElseThrow().policyId();
    }
}
