package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseAction;
import com.caseledger.command.casework.CaseCommand;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.OwningCase;
import com.caseledger.command.followups.FollowUpCalls;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.refunds.AfterSalesRequests;
import com.caseledger.command.sla.CaseSla;
import com.caseledger.command.sla.SlaPolicyCatalog;
import com.caseledger.command.sla.SlaSettings;
import com.caseledger.command.sla.SlaTimers;
import com.caseledger.command.surveys.RecordSurveyAnswer;
import com.caseledger.command.surveys.SurveyAnswerRules;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Money;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One customer matter, made of parts (Axon aggregate members): its lifecycle ({@link CaseLifecycle}), its after-sales
 * requests, its follow-up calls and its SLA, each handling its own commands in its own package. Every command passes
 * the case first: the status guard ({@link CaseAction}) and when it happened, then what a part decides, recorded with
 * the SLA steps around it ({@link #decide}). The case itself opens, and handles what involves several parts:
 * a priority that brings another SLA policy, a resolution that brings a follow-up call, a close that needs every
 * request settled; and survey answers. State changes only when events are applied. Its fields are also its snapshot
 * (JSON), whose format is the {@link Revision}: a snapshot of another revision is ignored and the case is loaded from
 * its events.
 */
@Aggregate(cache = "caseCache", snapshotTriggerDefinition = "caseSnapshotTrigger", snapshotFilter = "caseSnapshotFilter",
        commandTargetResolver = "caseCommandTargets")
@Revision(SupportCase.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupportCase implements OwningCase {

    static final String SNAPSHOT_REVISION = "5";

    @AggregateIdentifier
    private String caseId;
    private Instant latestOccurredAt;
    @AggregateMember
    private final CaseLifecycle lifecycle = new CaseLifecycle();
    @AggregateMember
    private final AfterSalesRequests afterSales = new AfterSalesRequests();
    @AggregateMember
    private final FollowUpCalls followUps = new FollowUpCalls();
    @AggregateMember
    private final CaseSla sla = new CaseSla();
    /** What the command being handled decides with; never part of the snapshot. */
    private transient Services services;

    protected SupportCase() {
        // for Axon: rebuilt from its events, or opened by OpenCase
    }

    /** Every command to the case or to one of its parts passes here first, with the services deciding needs. */
    @CommandHandlerInterceptor
    Object handling(InterceptorChain chain, Clock clock, DeadlineManager deadlines, SlaSettings slaSettings)
            throws Exception {
        services = new Services(clock, deadlines, slaSettings);
        try {
            return chain.proceed();
        } finally {
            services = null;
        }
    }

    /** Opens the case, with the SLA policy it takes: answers version 0, or 1 when a policy applies. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CaseCommandResult handle(OpenCase command, SlaPolicyCatalog slaPolicies) {
        Instant occurredAt = OccurredAtPolicy.forNewCase(command.occurredAt(), services.clock());
        CaseOpened opened = CaseLifecycle.open(command, occurredAt);
        Decision.record(opened).then(sla.take(opened.caseId(), opened.type(), opened.channel(), opened.priority(),
                slaPolicies, occurredAt)).applyToCase();
        services.setTimers(List.of(), sla.running(), command.imported());
        return unchanged();
    }

    /** A new priority may bring another SLA policy. */
    @CommandHandler
    public CaseCommandResult handle(PrioritizeCase command, SlaPolicyCatalog slaPolicies) {
        return decide(CaseAction.PRIORITIZE, command, at -> {
            Decision prioritized = lifecycle.prioritize(caseId, command, at);
            return prioritized.recordsNothing()
                    ? prioritized
                    : prioritized.then(sla.take(caseId, lifecycle.type(), lifecycle.channel(), command.priority(),
                    slaPolicies, at));
        });
    }

    /** A resolved complaint gets a follow-up call. */
    @CommandHandler
    public CaseCommandResult handle(ResolveCase command, FollowUpPolicy followUpPolicy) {
        return decide(CaseAction.RESOLVE, command, at -> {
            Decision resolved = CaseLifecycle.resolve(caseId, command, at);
            return lifecycle.isComplaint()
                    ? resolved.then(followUps.afterComplaintResolution(caseId, followUpPolicy, at))
                    : resolved;
        });
    }

    /** A case closes once its after-sales requests are settled. */
    @CommandHandler
    public CaseCommandResult handle(CloseCase command) {
        return decide(CaseAction.CLOSE, command, at -> {
            afterSales.requireSettled(caseId);
            return CaseLifecycle.close(caseId, at);
        });
    }

    @CommandHandler
    public CaseCommandResult handle(RecordSurveyAnswer command) {
        return decide(CaseAction.SURVEY, command, at -> SurveyAnswerRules.answer(caseId, command, at));
    }

    /**
     * The status guard, then when it happened, then the SLA targets that passed unmet before then, what the case or
     * one of its parts decides, the SLA outcomes that decides, and the timers for the targets it set running.
     */
    @Override
    public CaseCommandResult decide(CaseAction action, CaseCommand command, Function<Instant, Decision> decision) {
        action.requireAllowed(caseId, lifecycle.status());
        Instant occurredAt = OccurredAtPolicy.resolve(command.occurredAt(), latestOccurredAt, services.clock());
        Decision decided = decision.apply(occurredAt);
        if (decided.recordsNothing()) {
            return unchanged();
        }
        sla.breachesBefore(caseId, occurredAt).applyToCase();
        List<CaseSla.RunningTarget> running = sla.running();
        decided.applyToCase();
        sla.outcomes(caseId).applyToCase();
        services.setTimers(running, sla.running(), command.imported());
        return unchanged();
    }

    @Override
    public CaseCommandResult unchanged() {
        return new CaseCommandResult(caseId, AggregateLifecycle.getVersion());
    }

    @Override
    public String caseId() {
        return caseId;
    }

    @Override
    public String orderId() {
        return lifecycle.orderId();
    }

    @Override
    public Money orderAmount() {
        return lifecycle.orderAmount();
    }

    @EventSourcingHandler
    void on(CaseEvent event, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        if (event instanceof CaseOpened opened) {
            caseId = opened.caseId();
        }
        lifecycle.evolve(event);
        afterSales.evolve(event, actor);
        followUps.evolve(event);
        sla.evolve(event);
        if (latestOccurredAt == null || event.occurredAt().isAfter(latestOccurredAt)) {
            latestOccurredAt = event.occurredAt();
        }
    }

    private record Services(Clock clock, DeadlineManager deadlines, SlaSettings slaSettings) {

        void setTimers(List<CaseSla.RunningTarget> before, List<CaseSla.RunningTarget> after, boolean imported) {
            SlaTimers.set(deadlines, slaSettings, clock, before, after, imported);
        }
    }
}
