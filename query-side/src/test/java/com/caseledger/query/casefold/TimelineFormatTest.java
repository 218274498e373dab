package com.caseledger.query.casefold;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CasePrioritized;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.SlaTargetBreached;
import com.caseledger.events.SlaTargetMet;
import com.caseledger.events.SurveyAnswered;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaTargetKind;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import com.caseledger.platform.database.StorableText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineFormatTest {

    private static final String ID = "case-1";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");
    /** Every field of a fold, compared as JSON: a field the format forgets shows as a difference. */
    private static final ObjectMapper FIELDS = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final BusinessCalendar OFFICE = BusinessCalendar.parse("Asia/Shanghai",
            Map.of("MONDAY", List.of(new WorkingInterval.Text("09:00", "12:00"), new WorkingInterval.Text("13:00", "18:00")),
                    "SATURDAY", List.of(new WorkingInterval.Text("20:00", "24:00"))),
            List.of("2026-10-01", "2026-10-02"));

    private static Instant at(long secondsAfterOpening) {
        return T0.plusSeconds(secondsAfterOpening);
    }

    @Test
    void a_case_with_every_kind_of_event_reads_back_as_it_was_written() throws Exception {
        CaseTimeline timeline = new CaseTimeline();
        CaseEvent[] events = {
                new CaseOpened(ID, CaseType.COMPLAINT, Channel.EMAIL, Category.LOGISTICS, Priority.HIGH, "c-1",
                        "Kettle arrived broken \uD83D\uDE1E", "The lid is cracked", "order-9", Money.of("59.90", "CNY"), T0),
                new SlaPolicyApplied(ID, "complaints", 3L, "office", 2L, new SlaTargets(3600L, null, 86_400L), OFFICE, false,
                        T0),
                new CustomerMessageReceived(ID, "any news?", Channel.CHAT, at(30)),
                new InternalNoteAdded(ID, "a-1", "checking", at(60)),
                new CaseAssigned(ID, "a-1", "after-sales", at(90)),
                new CasePrioritized(ID, Priority.URGENT, at(120)),
                new CaseEscalated(ID, "angry", "supervisor", at(150)),
                new AgentReplied(ID, "a-1", "sorry", at(300)),
                new SlaTargetMet(ID, SlaTargetKind.FIRST_REPLY, "complaints", null, at(3600), at(300)),
                new CaseAwaitingCustomer(ID, "photo please", at(600)),
                new CaseResumed(ID, at(4200)),
                new CustomerMessageReceived(ID, "and now?", Channel.CHAT, at(4250)),
                new SlaTargetBreached(ID, SlaTargetKind.NEXT_REPLY, "complaints", at(4250), at(4260), at(4260)),
                new RefundRequested(ID, "refund-1", RefundKind.REFUND_ONLY, Money.of("59.90", "CNY"), "broken", "order-9", at(4300)),
                new RefundApproved(ID, "refund-1", "system", true, at(4300)),
                new RefundIssued(ID, "refund-1", "PAY-1", at(4400)),
                new RefundRequested(ID, "refund-2", RefundKind.EXCHANGE, null, "swap", "order-9", at(4500)),
                new RefundRejected(ID, "refund-2", "out of stock", at(4600)),
                new RefundRequested(ID, "refund-3", RefundKind.RETURN_AND_REFUND, Money.of("10.00", "CNY"), "lid", "order-9", at(4700)),
                new RefundApproved(ID, "refund-3", "s-1", false, at(4800)),
                new RefundFailed(ID, "refund-3", "bank refused", at(4900)),
                new CaseResolved(ID, "REFUNDED", null, at(5000)),
                new SlaTargetMet(ID, SlaTargetKind.RESOLUTION, "complaints", null, at(86_400), at(5000)),
                new FollowUpScheduled(ID, "call-1", at(9000), "after resolution", true, at(5000)),
                new FollowUpRescheduled(ID, "call-1", at(9500), at(6000)),
                new FollowUpCompleted(ID, "call-1", 4, "happy", at(9500)),
                new FollowUpScheduled(ID, "call-2", at(9900), null, false, at(9600)),
                new FollowUpMissed(ID, "call-2", "no answer", at(9900)),
                new CaseReopened(ID, "not received", false, at(10_000)),
                new CaseResolved(ID, "REFUNDED", "sent again", at(10_500)),
                new SurveyAnswered(ID, 5, 9, Map.of(ServqualDimension.RELIABILITY, new ServqualRating(6, 5),
                        ServqualDimension.EMPATHY, new ServqualRating(4, 7)), at(11_000)),
                new CaseClosed(ID, at(12_000)),
        };
        for (int sequence = 0; sequence < events.length; sequence++) {
            timeline.apply(events[sequence], sequence);
        }

        CaseTimeline read = TimelineFormat.read(TimelineFormat.write(timeline));

        assertThat(FIELDS.writeValueAsString(read)).isEqualTo(FIELDS.writeValueAsString(timeline));
        assertThat(read.sla).isEqualTo(timeline.sla);
        assertThat(read.replyWaitStartedAt).isEqualTo(at(4250));
        assertThat(read.firstReplyOutcome()).isEqualTo(SlaOutcome.MET);
        assertThat(read.resolutionOutcome()).isEqualTo(SlaOutcome.MET);
        assertThat(read.nextReplyOutcomes).containsExactly(Map.entry(at(4250), SlaOutcome.BREACHED));
    }

    @Test
    void a_fold_of_revision_3_reads_without_sla_outcomes() throws Exception {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.WEB, Category.OTHER, Priority.NORMAL, "c-2",
                "Size chart?", null, null, null, T0), 0);
        timeline.apply(new SlaPolicyApplied(ID, "inquiries", 1L, "office", 2L, new SlaTargets(3600L, null, null), OFFICE,
                false, T0), 1);
        byte[] current = TimelineFormat.write(timeline);
        // revision 3 ended with the reply wait: no first reply and resolution outcomes (four bytes each) and no waits
        // with outcomes (a count of four bytes)
        byte[] revision3 = Arrays.copyOf(current, current.length - 12);

        CaseTimeline read = TimelineFormat.read(revision3, TimelineFormat.WITHOUT_SLA_OUTCOMES_REVISION);

        assertThat(FIELDS.writeValueAsString(read)).isEqualTo(FIELDS.writeValueAsString(timeline));
        assertThat(read.sla).isEqualTo(timeline.sla);
        assertThat(read.firstReplyOutcome()).isNull();
    }

    @Test
    void a_fold_of_revision_2_reads_without_a_policy_or_a_reply_wait() throws Exception {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.WEB, Category.OTHER, Priority.NORMAL, "c-2",
                "Size chart?", null, null, null, T0), 0);
        byte[] current = TimelineFormat.write(timeline);
        // revision 2 ended with the surveys: no policy (one byte) and two absent instants (one byte each), and none of
        // the twelve bytes of revision 4's absent SLA outcomes
        byte[] revision2 = Arrays.copyOf(current, current.length - 3 - 12);

        CaseTimeline read = TimelineFormat.read(revision2, TimelineFormat.WITHOUT_SLA_REVISION);

        assertThat(FIELDS.writeValueAsString(read)).isEqualTo(FIELDS.writeValueAsString(timeline));
        assertThat(read.sla).isNull();
    }

    @Test
    void a_case_that_was_just_opened_reads_back_with_its_empty_parts() throws Exception {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.WEB, Category.OTHER, Priority.NORMAL, "c-2",
                "Size chart?", null, null, null, T0), 0);

        CaseTimeline read = TimelineFormat.read(TimelineFormat.write(timeline));

        assertThat(FIELDS.writeValueAsString(read)).isEqualTo(FIELDS.writeValueAsString(timeline));
        assertThat(read.surveys()).isEqualTo(timeline.surveys());
    }

    @Test
    void text_is_stored_as_postgresql_stores_text() {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.WEB, Category.OTHER, Priority.NORMAL, "nul\u0000cust",
                "a \uD800 b", null, null, null, T0), 0);

        CaseTimeline read = TimelineFormat.read(TimelineFormat.write(timeline));

        assertThat(read.customerId()).isEqualTo("nul" + StorableText.REPLACEMENT + "cust");
        assertThat(read.subject()).isEqualTo("a " + StorableText.REPLACEMENT + " b");
    }
}
