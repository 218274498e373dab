package com.caseledger.command.surveys;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/** Record a customer's answers to the CSAT, NPS and SERVQUAL surveys (at least one). */
public record RecordSurveyAnswer(@TargetAggregateIdentifier String caseId, Integer csat, Integer nps, Map<ServqualDimension, ServqualRating> servqual, Instant occurredAt) implements CaseCommand {
}
