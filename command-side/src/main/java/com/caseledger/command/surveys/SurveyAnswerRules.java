package com.caseledger.command.surveys;

import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.events.SurveyAnswered;

import java.time.Instant;
import java.util.Map;

/**
 * What a survey answer must hold: at least one of CSAT (1..5), NPS (0..10) and SERVQUAL ratings (1..7, checked by
 * the ratings themselves). Every answer is recorded; readers take the latest per instrument.
 */
public final class SurveyAnswerRules {

    private SurveyAnswerRules() {
    }

    public static Decision answer(String caseId, RecordSurveyAnswer command, Instant occurredAt) {
        boolean servqualGiven = command.servqual() != null && !command.servqual().isEmpty();
        if (command.csat() == null && command.nps() == null && !servqualGiven) {
            throw new InvalidCaseInput("csat", "at least one of csat, nps and servqual is required");
        }
        if (command.csat() != null && (command.csat() < 1 || command.csat() > 5)) {
            throw new InvalidCaseInput("csat", "must be between 1 and 5");
        }
        if (command.nps() != null && (command.nps() < 0 || command.nps() > 10)) {
            throw new InvalidCaseInput("nps", "must be between 0 and 10");
        }
        return Decision.record(new SurveyAnswered(caseId, command.csat(), command.nps(),
                servqualGiven ? Map.copyOf(command.servqual()) : null, occurredAt));
    }
}
