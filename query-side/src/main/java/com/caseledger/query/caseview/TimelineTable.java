package com.caseledger.query.caseview;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where a {@link TimelineProjection} keeps its folded cases. */
public interface TimelineTable {

    Optional<CaseTimeline> find(String caseId);

    /** The stored timelines of those of the cases that have one, by case id. */
    Map<String, CaseTimeline> findAll(Collection<String> caseIds);

    /** Stores the timelines, each unless a newer version of it is stored already. */
    void saveAll(Collection<CaseTimeline> timelines);

    void deleteAll();
}
