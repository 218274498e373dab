package com.caseledger.events.sla;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;

/**
 * One SLA policy as an administrator wrote it: cases matching {@code match} take it, the one of lowest
 * {@code position} first (ties by policy id); targets count in the calendar {@code calendarId} names, or in
 * round-the-clock time when it is absent.
 */
public record SlaPolicy(String name, int position, SlaMatch match, String calendarId, SlaTargets targets,
                        boolean escalateOnBreach) {

    public SlaPolicy {
        match = match == null ? SlaMatch.ANY : match;
        targets = targets == null ? new SlaTargets(null, null, null) : targets;
    }

    public boolean matches(CaseType type, Channel channel, Priority priority) {
        return match.matches(type, channel, priority);
    }
}
