package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** The customer answered a satisfaction survey; each instrument answered replaces that instrument's earlier answer. */
@Revision("1")
public record SurveyAnswered(String caseId, Integer csat, Integer nps, Map<ServqualDimension, ServqualRating> servqual, Instant occurredAt) implements CaseEvent {
}
