package com.caseledger.query.followups;

import java.util.List;

/** One page of the worklist, earliest due first; {@code page} counts from 0. */
public record Worklist(List<WorklistItem> items, int page, int size, long total) {
}
