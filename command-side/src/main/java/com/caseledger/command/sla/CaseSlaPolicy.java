package com.caseledger.command.sla;

import com.caseledger.command.casework.Decision;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA policy one case has, and the decision to take the one that applies to it now (when it is opened and when its
 * priority changes). The policy in force now applies, also to history imported with an earlier {@code occurredAt}:
 * the definitions are not read as they stood then. Taking the same version of the same policy again records nothing.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseSlaPolicy {

    private String policyId;
    private Long policyVersion;

    /** What the case records, by the system, when a case of this type, channel and priority looks for its policy. */
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
        return policy.calendar() == null
                ? new SlaPolicyApplied(caseId, policy.policyId(), policy.policyVersion(), null, null,
                policy.policy().targets(), null, at)
                : new SlaPolicyApplied(caseId, policy.policyId(), policy.policyVersion(), policy.calendar().calendarId(),
                policy.calendar().version(), policy.policy().targets(), policy.calendar().calendar(), at);
    }

    public void evolve(CaseEvent event) {
        if (event instanceof SlaPolicyApplied applied) {
            policyId = applied.policyId();
            policyVersion = applied.policyVersion();
        }
    }
}
