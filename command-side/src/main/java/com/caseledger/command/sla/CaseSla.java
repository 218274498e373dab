package com.caseledger.command.sla;

import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.OwningCase;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.SlaTargetBreached;
import com.caseledger.events.SlaTargetMet;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.CaseSlaReadings;
import com.caseledger.events.sla.SlaTargetKind;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.TargetReading;
import com.caseledger.events.sla.WorkingClock;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.annotation.DeadlineHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA of one case: the policy it took, the facts its clocks are measured from, and the outcome on record for each
 * target. It decides, by the system, which policy the case takes (when it is opened and when its priority changes),
 * which targets passed unmet (breaches, at their due instants) and which were met, and which due instants a timer
 * must watch. An outcome is recorded when it changes: a target met, a target breached, and a resolution target met,
 * reopened and breached after all; the latest outcome counts. A part of its case (an Axon aggregate member), so the
 * case's SLA timers fire here.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseSla {

    /** The escalation level a breach of a policy with {@code escalateOnBreach} escalates to. */
    public static final String BREACH_ESCALATION_LEVEL = "SLA";

    private String policyId;
    private Long policyVersion;
    private SlaTargets targets;
    private BusinessCalendar calendar;
    private boolean escalateOnBreach;
    private final CaseSlaFacts facts = new CaseSlaFacts();
    private final Map<SlaTargetKind, RecordedOutcome> outcomes = new EnumMap<>(SlaTargetKind.class);

    /** The latest outcome on record for a kind of target; for a next reply, of the wait that began then. */
    record RecordedOutcome(boolean met, Instant waitStartedAt) {
    }

    /** A target whose clock runs, due at {@code dueAt}: what a timer watches. */
    public record RunningTarget(SlaTargetKind kind, Instant dueAt) {
    }

    /** What the case records when a case of this type, channel and priority looks for its policy. */
    public Decision take(String caseId, CaseType type, Channel channel, Priority priority, SlaPolicyCatalog catalog,
                         Instant at) {
        Optional<SelectedSlaPolicy> selected = SlaPolicySelection.select(catalog.definitionsInForce(), type, channel,
                priority);
        if (selected.isEmpty()) {
            return policyId == null ? Decision.nothing() : Decision.nothing().andBySystem(SlaPolicyApplied.none(caseId, at));
        }
        SelectedSlaPolicy policy = selected.get();
        if (policy.policyId().equals(policyId) && Objects.equals(policy.policyVersion(), policyVersion)) {
            return Decision.nothing();
        }
        return Decision.nothing().andBySystem(applied(caseId, policy, at));
    }

    private static SlaPolicyApplied applied(String caseId, SelectedSlaPolicy policy, Instant at) {
        boolean escalate = policy.policy().escalateOnBreach();
        return policy.calendar() == null
                ? new SlaPolicyApplied(caseId, policy.policyId(), policy.policyVersion(), null, null,
                policy.policy().targets(), null, escalate, at)
                : new SlaPolicyApplied(caseId, policy.policyId(), policy.policyVersion(), policy.calendar().calendarId(),
                policy.calendar().version(), policy.policy().targets(), policy.calendar().calendar(), escalate, at);
    }

    /**
     * The breaches of running targets whose due instant lies before {@code at} and that are not yet on record, oldest
     * due first, each at its due instant and, under a policy that says so, followed by an escalation. A command that
     * happens at {@code at} records these before its own events, so a case's history never shows a target met that
     * had already passed.
     */
    public Decision breachesBefore(String caseId, Instant at) {
        CaseSlaReadings readings = readings();
        if (readings == null) {
            return Decision.nothing();
        }
        List<SlaTargetBreached> breaches = new ArrayList<>();
        for (SlaTargetKind kind : SlaTargetKind.values()) {
            TargetReading reading = readings.of(kind);
            if (reading != null && reading.state() == TargetReading.State.RUNNING && reading.dueAt().isBefore(at)
                    && !onRecord(kind, false)) {
                breaches.add(breach(caseId, kind, reading.dueAt()));
            }
        }
        breaches.sort(Comparator.comparing(SlaTargetBreached::dueAt));
        Decision decision = Decision.nothing();
        breaches.forEach(breach -> decision.then(breached(breach)));
        return decision;
    }

    /**
     * The outcomes the case's events now decide and that are not yet on record: targets met, and targets whose clock
     * stopped after their due instant (under a policy taken since, a stricter one). Asked after a command's events.
     */
    public Decision outcomes(String caseId) {
        CaseSlaReadings readings = readings();
        Decision decision = Decision.nothing();
        if (readings == null) {
            return decision;
        }
        for (SlaTargetKind kind : SlaTargetKind.values()) {
            TargetReading reading = readings.of(kind);
            if (reading == null) {
                continue;
            }
            if (reading.state() == TargetReading.State.MET && !onRecord(kind, true)) {
                decision.andBySystem(new SlaTargetMet(caseId, kind, policyId, waitOf(kind), reading.dueAt(),
                        metAt(kind)));
            } else if (reading.state() == TargetReading.State.BREACHED && !onRecord(kind, false)) {
                decision.then(breached(breach(caseId, kind, reading.dueAt())));
            }
        }
        return decision;
    }

    /** The targets whose clocks run now, with their due instants. */
    /**
     * An SLA timer fired, so the due instant it was set for has passed: every running target due by then is breached,
     * at its due instant. A timer whose target was met, paused or moved since it was set finds nothing to record.
     */
    @DeadlineHandler(deadlineName = SlaTimers.DEADLINE)
    void on(SlaDue due, OwningCase owner, Clock clock) {
        Instant now = clock.instant();
        Instant passed = now.isAfter(due.dueAt()) ? now : due.dueAt().plusNanos(1);
        breachesBefore(owner.caseId(), passed).applyToCase();
    }

    public List<RunningTarget> running() {
        CaseSlaReadings readings = readings();
        if (readings == null) {
            return List.of();
        }
        List<RunningTarget> running = new ArrayList<>();
        for (SlaTargetKind kind : SlaTargetKind.values()) {
            TargetReading reading = readings.of(kind);
            if (reading != null && reading.state() == TargetReading.State.RUNNING) {
                running.add(new RunningTarget(kind, reading.dueAt()));
            }
        }
        return running;
    }

    private Decision breached(SlaTargetBreached breach) {
        Decision decision = Decision.nothing().andBySystem(breach);
        if (escalateOnBreach) {
            decision.andBySystem(new CaseEscalated(breach.caseId(), reasonFor(breach.target()), BREACH_ESCALATION_LEVEL,
                    breach.dueAt()));
        }
        return decision;
    }

    static String reasonFor(SlaTargetKind kind) {
        return switch (kind) {
            case FIRST_REPLY -> "SLA first reply target breached";
            case NEXT_REPLY -> "SLA next reply target breached";
            case RESOLUTION -> "SLA resolution target breached";
        };
    }

    private SlaTargetBreached breach(String caseId, SlaTargetKind kind, Instant dueAt) {
        return new SlaTargetBreached(caseId, kind, policyId, waitOf(kind), dueAt, dueAt);
    }

    private boolean onRecord(SlaTargetKind kind, boolean met) {
        RecordedOutcome outcome = outcomes.get(kind);
        return outcome != null && outcome.met() == met && Objects.equals(outcome.waitStartedAt(), waitOf(kind));
    }

    private Instant waitOf(SlaTargetKind kind) {
        return kind == SlaTargetKind.NEXT_REPLY ? facts.replyWaitStartedAt() : null;
    }

    private Instant metAt(SlaTargetKind kind) {
        return switch (kind) {
            case FIRST_REPLY -> facts.firstReplyAt();
            case NEXT_REPLY -> facts.replyWaitAnsweredAt();
            case RESOLUTION -> facts.resolvedAt();
        };
    }

    private CaseSlaReadings readings() {
        if (policyId == null) {
            return null;
        }
        WorkingClock clock = calendar == null ? WorkingClock.calendarTime() : calendar;
        return CaseSlaReadings.measure(clock, targets, facts);
    }

    public void evolve(CaseEvent event) {
        facts.evolve(event);
        if (event instanceof SlaPolicyApplied applied) {
            policyId = applied.policyId();
            policyVersion = applied.policyVersion();
            targets = applied.targets() == null ? new SlaTargets(null, null, null) : applied.targets();
            calendar = applied.calendar();
            escalateOnBreach = applied.escalateOnBreach();
        } else if (event instanceof SlaTargetMet met) {
            outcomes.put(met.target(), new RecordedOutcome(true, met.waitStartedAt()));
        } else if (event instanceof SlaTargetBreached breached) {
            outcomes.put(breached.target(), new RecordedOutcome(false, breached.waitStartedAt()));
        }
    }
}
