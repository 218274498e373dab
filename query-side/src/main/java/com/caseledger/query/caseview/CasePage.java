package com.caseledger.query.caseview;

import java.util.List;

/** One page of the case list; {@code page} counts from 0. */
public record CasePage(List<CaseView> items, int page, int size, long total) {
}
