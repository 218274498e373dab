package com.caseledger.query.casefold;

import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** The current answer per survey instrument (a later answer replaces an earlier one); the history keeps all. */
public record SurveysView(@Schema(nullable = true, minimum = "1", maximum = "5") Integer csat,
                          @Schema(nullable = true) Instant csatAnsweredAt,
                          @Schema(nullable = true, minimum = "0", maximum = "10") Integer nps,
                          @Schema(nullable = true) Instant npsAnsweredAt,
                          @Schema(nullable = true) Map<ServqualDimension, ServqualRating> servqual,
                          @Schema(nullable = true) Instant servqualAnsweredAt,
                          int answers) {

    static final SurveysView NONE = new SurveysView(null, null, null, null, null, null, 0);

    SurveysView answered(Integer newCsat, Integer newNps, Map<ServqualDimension, ServqualRating> newServqual, Instant at) {
        boolean servqualGiven = newServqual != null && !newServqual.isEmpty();
        return new SurveysView(newCsat != null ? newCsat : csat, newCsat != null ? at : csatAnsweredAt,
                newNps != null ? newNps : nps, newNps != null ? at : npsAnsweredAt,
                servqualGiven ? Map.copyOf(newServqual) : servqual, servqualGiven ? at : servqualAnsweredAt, answers + 1);
    }
}
