package com.caseledger.events.sla;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SLA definitions as the changes recorded so far leave them: every calendar, the policies not removed, and the
 * latest version of each. The one fold of {@link SlaDefinitionEvent}s, for deciding changes and for telling the
 * definitions at an instant alike.
 */
public final class SlaDefinitions {

    /** The order policies apply in: lowest position first, ties by id. */
    public static final Comparator<SlaPolicyDefined> APPLY_ORDER = Comparator
            .comparingInt((SlaPolicyDefined defined) -> defined.policy().position())
            .thenComparing(SlaPolicyDefined::policyId);

    private final Map<String, SlaCalendarDefined> calendars = new TreeMap<>();
    private final Map<String, SlaPolicyDefined> policies = new TreeMap<>();
    private final Map<String, Long> policyVersions = new HashMap<>();

    public void apply(SlaDefinitionEvent event) {
        if (event instanceof SlaCalendarDefined defined) {
            calendars.put(defined.calendarId(), defined);
        } else if (event instanceof SlaPolicyDefined defined) {
            policies.put(defined.policyId(), defined);
            policyVersions.put(defined.policyId(), defined.version());
        } else if (event instanceof SlaPolicyRemoved removed) {
            policies.remove(removed.policyId());
            policyVersions.put(removed.policyId(), removed.version());
        }
    }

    public Optional<SlaCalendarDefined> calendar(String calendarId) {
        return Optional.ofNullable(calendars.get(calendarId));
    }

    /** Every calendar, by id. */
    public List<SlaCalendarDefined> calendars() {
        return List.copyOf(calendars.values());
    }

    public Optional<SlaPolicyDefined> policy(String policyId) {
        return Optional.ofNullable(policies.get(policyId));
    }

    /** The policies in force, in the order they apply ({@link #APPLY_ORDER}). */
    public List<SlaPolicyDefined> policies() {
        return policies.values().stream().sorted(APPLY_ORDER).toList();
    }

    /** The latest version of a calendar; 0 for one never defined. */
    public long calendarVersion(String calendarId) {
        SlaCalendarDefined defined = calendars.get(calendarId);
        return defined == null ? 0 : defined.version();
    }

    /** The latest version of a policy, its removal included; 0 for one never defined. */
    public long policyVersion(String policyId) {
        return policyVersions.getOrDefault(policyId, 0L);
    }
}
