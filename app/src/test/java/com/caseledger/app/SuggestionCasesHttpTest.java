package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third case type, SUGGESTION: feedback that is neither an inquiry nor a complaint. It has its own rows in the
 * report by type, is no complaint in the complaint rate, and gets no automatic follow-up call when resolved.
 * The cases are opened in May 2018, a period no other test uses.
 */
class SuggestionCasesHttpTest extends CaseLedgerHttpTest {

    private static final String REPORT = "/api/reports/service-levels?from=2018-05-01T00:00:00Z&to=2018-05-02T00:00:00Z";

    @Test
    void suggestions_are_their_own_type_in_the_report_and_no_complaints() {
        String suggestion = opened("SUGGESTION", "2018-05-01T09:00:00Z");
        opened("SUGGESTION", "2018-05-01T10:00:00Z");
        opened("COMPLAINT", "2018-05-01T11:00:00Z");
        opened("INQUIRY", "2018-05-01T12:00:00Z");
        long resolved = command(suggestion, "resolve", Map.of("resolutionCode", "FORWARDED_TO_PRODUCT",
                "occurredAt", "2018-05-01T15:00:00Z"));

        assertThat(resolved).as("a resolved suggestion schedules no follow-up call").isEqualTo(1);
        // the report's facts are written with the view: once the view shows the resolution, so does the report
        assertThat(view(suggestion, resolved).get("type").asText()).isEqualTo("SUGGESTION");
        JsonNode byType = reportWhenComplete(REPORT + "&groupBy=type", 4);
        List<String> keys = new ArrayList<>();
        byType.get("groups").forEach(group -> keys.add(group.get("key").asText()));
        assertThat(keys).containsExactlyInAnyOrder("INQUIRY", "COMPLAINT", "SUGGESTION");
        JsonNode suggestions = group(byType, "SUGGESTION");
        assertThat(suggestions.get("casesOpened").asLong()).isEqualTo(2);
        assertThat(suggestions.get("casesResolved").asLong()).isEqualTo(1);
        assertThat(suggestions.get("complaintRate").asDouble()).isZero();
        // complaintRate = COMPLAINT cases / casesOpened = 1 / 4
        assertThat(byType.get("total").get("complaintRate").asDouble()).isEqualTo(0.25);
    }

    private String opened(String type, String at) {
        return openCase(Map.of("type", type, "channel", "WEB", "customerId", customer(),
                "subject", "An idea for the checkout", "occurredAt", at));
    }

    private JsonNode reportWhenComplete(String path, int cases) {
        JsonNode report = json(get(path));
        for (int attempt = 0; attempt < 100 && report.get("total").get("casesOpened").asLong() < cases; attempt++) {
            sleep();
            report = json(get(path));
        }
        return report;
    }

    private static JsonNode group(JsonNode report, String key) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
