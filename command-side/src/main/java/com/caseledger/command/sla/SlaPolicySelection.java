package com.caseledger.command.sla;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.sla.SlaDefinitions;
import com.caseledger.events.sla.SlaPolicyDefined;

import java.util.Optional;

/**
 * Which policy a case takes when it is opened or its priority changes: the first policy in force, by position and
 * then id, whose match admits the case's type, channel and priority. No match: the case has no SLA targets.
 */
public final class SlaPolicySelection {

    private SlaPolicySelection() {
    }

    public static Optional<SelectedSlaPolicy> select(SlaDefinitions definitions, CaseType type, Channel channel,
                                                     Priority priority) {
        for (SlaPolicyDefined defined : definitions.policies()) {
            if (defined.policy().matches(type, channel, priority)) {
                String calendarId = defined.policy().calendarId();
                return Optional.of(new SelectedSlaPolicy(defined.policyId(), defined.version(), defined.policy(),
                        calendarId == null ? null : definitions.calendar(calendarId).orElseThrow()));
            }
        }
        return Optional.empty();
    }
}
