package com.caseledger.events.sla;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Which cases a policy is for: each list an empty set for any; a case matches when it matches all three. */
public record SlaMatch(Set<Priority> priorities, Set<CaseType> types, Set<Channel> channels) {

    public static final SlaMatch ANY = new SlaMatch(Set.of(), Set.of(), Set.of());

    /** Absent lists are empty; each list is kept in the enum's order, without repeats. */
    public SlaMatch {
        priorities = normalised(priorities, Priority.class);
        types = normalised(types, CaseType.class);
        channels = normalised(channels, Channel.class);
    }

    public boolean matches(CaseType type, Channel channel, Priority priority) {
        return (priorities.isEmpty() || priorities.contains(priority))
                && (types.isEmpty() || types.contains(type))
                && (channels.isEmpty() || channels.contains(channel));
    }

    private static <E extends Enum<E>> Set<E> normalised(Set<E> given, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (given != null) {
            given.forEach(value -> {
                if (value != null) {
                    set.add(value);
                }
            });
        }
        return Collections.unmodifiableSet(set);
    }
}
