package com.caseledger.command.cases;

import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.refunds.InMemoryOrderRefundLedger;
import com.caseledger.command.refunds.RefundApprovalPolicy;
import com.caseledger.command.refunds.RequestRefund;
import com.caseledger.command.sla.SlaPolicyCatalog;
import com.caseledger.command.sla.SlaSettings;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.sla.SlaDefinitions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fixture the capability rule tests share: a case opened on an order, a fixed clock, the follow-up and
 * approval policies and an in-memory order ledger, and the events and matchers their tables are written in.
 */
public abstract class CaseRulesFixture {

    protected static final String CASE_ID = "case-1";
    protected static final String ORDER_ID = "order-9";
    protected static final Money ORDER_AMOUNT = Money.of("500.00", "EUR");
    protected static final BigDecimal AUTO_APPROVAL_LIMIT = new BigDecimal("200.00");
    protected static final Money ABOVE_LIMIT = Money.of("300.00", "EUR");
    protected static final Duration CALL_AFTER_RESOLUTION = Duration.ofDays(2);
    protected static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    protected static final Instant OPENED_AT = NOW.minus(Duration.ofDays(5));
    protected static final String PURPOSE = "check the replacement works";
    protected static final Duration IMPORT_GRACE = Duration.ofMinutes(10);

    protected AggregateTestFixture<SupportCase> fixture;
    protected InMemoryOrderRefundLedger ledger;
    /** The SLA definitions in force: none, unless a test defines some. */
    protected final SlaDefinitions slaDefinitions = new SlaDefinitions();
    private final SlaPolicyCatalog slaPolicies = () -> slaDefinitions;

    @BeforeEach
    protected void setUp() {
        ledger = new InMemoryOrderRefundLedger();
        fixture = new AggregateTestFixture<>(SupportCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FollowUpPolicy(CALL_AFTER_RESOLUTION));
        fixture.registerInjectableResource(new SlaSettings(IMPORT_GRACE));
        fixture.registerInjectableResource(new RefundApprovalPolicy(AUTO_APPROVAL_LIMIT));
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(slaPolicies);
    }


    /** What the requests in a test's given events held on the order when they were accepted. */
    protected void heldOnTheOrder(Money amount) {
        ledger.hold(ORDER_ID, ORDER_AMOUNT, amount);
    }

    protected static Instant at(int minutesAfterOpening) {
        return OPENED_AT.plus(Duration.ofMinutes(minutesAfterOpening));
    }

    protected static CaseOpened opened() {
        return opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT);
    }

    protected static CaseOpened opened(CaseType type, String orderId, Money orderAmount) {
        return new CaseOpened(CASE_ID, type, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL, "customer-42",
                "Kettle stopped working", "It no longer heats", orderId, orderAmount, OPENED_AT);
    }

    protected static RequestRefund refundOnly(String refundId, Money amount) {
        return new RequestRefund(CASE_ID, refundId, RefundKind.REFUND_ONLY, amount, "Defective", null);
    }

    protected static RefundRequested refundRequested(String refundId, Money amount, Instant occurredAt) {
        return new RefundRequested(CASE_ID, refundId, RefundKind.REFUND_ONLY, amount, "Defective", ORDER_ID, occurredAt);
    }

    protected static RefundApproved refundApproved(String refundId, Instant occurredAt) {
        return new RefundApproved(CASE_ID, refundId, "supervisor-2", false, occurredAt);
    }

    protected static RefundIssued refundIssued(String refundId, String reference, Instant occurredAt) {
        return new RefundIssued(CASE_ID, refundId, reference, occurredAt);
    }

    protected static CaseResolved resolved(int minutesAfterOpening) {
        return new CaseResolved(CASE_ID, "REPLACED", "Replacement shipped", at(minutesAfterOpening));
    }

    protected static CaseClosed closed(int minutesAfterOpening) {
        return new CaseClosed(CASE_ID, at(minutesAfterOpening));
    }

    protected static FollowUpScheduled callScheduled(String followUpId, Instant occurredAt) {
        return new FollowUpScheduled(CASE_ID, followUpId, NOW.plus(Duration.ofDays(1)), PURPOSE, false, occurredAt);
    }

    protected static Object callOutcome(String followUpId, FollowUpStatus status, Instant occurredAt) {
        return switch (status) {
            case COMPLETED -> new FollowUpCompleted(CASE_ID, followUpId, 5, null, occurredAt);
            case MISSED -> new FollowUpMissed(CASE_ID, followUpId, "Voicemail", occurredAt);
            case SCHEDULED -> throw new IllegalArgumentException("not an outcome: " + status);
        };
    }

    protected static Matcher<InvalidCaseInput> invalidInput(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidCaseInput invalid) {
                return field.equals(invalid.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidCaseInput on field ").appendValue(field);
            }
        };
    }

    protected static Matcher<EventMessage<?>> eventWithPayload(Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return Objects.equals(payload, event.getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event with payload ").appendValue(payload);
            }
        };
    }

    protected static Matcher<EventMessage<?>> recordedBy(String actor) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return actor.equals(event.getMetaData().get(EventMetadata.ACTOR));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event whose metadata actor is ").appendValue(actor);
            }

            @Override
            protected void describeMismatchSafely(EventMessage<?> event, Description mismatch) {
                mismatch.appendText("metadata was ").appendValue(event.getMetaData());
            }
        };
    }
}
