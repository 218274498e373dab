package com.caseledger.benchmark;

import com.caseledger.events.CaseEvent;

import java.util.List;

/** One generated case: its events in order, exactly as the command side would have recorded them. */
public record CaseStory(String caseId, List<CaseEvent> events) {
}
