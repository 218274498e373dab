package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;

/** Narrows a report's cohort; a null field does not filter. */
public record ReportFilter(CaseType type, Channel channel, Category category, Priority priority, String agentId) {
}
