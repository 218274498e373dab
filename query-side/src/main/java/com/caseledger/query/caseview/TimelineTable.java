package com.caseledger.query.caseview;

import java.util.Optional;

/** Where a {@link TimelineProjection} keeps its folded cases. */
public interface TimelineTable {

    Optional<CaseTimeline> find(String caseId);

    /** Stores the timeline unless a newer version of it is stored already. */
    void save(CaseTimeline timeline);

    void deleteAll();
}
