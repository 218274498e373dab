package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports hold the service-level facts in memory and follow the projection's table: a rebuild empties the table
 * and fills it again, and the report follows both.
 */
class ReportAfterRebuildHttpTest extends ReportHttpTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aReportFollowsTheProjectionThroughARebuild() {
        String agent = agent();
        for (int i = 0; i < 3; i++) {
            String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(),
                    "subject", "Rebuilt case " + i));
            command(caseId, "assign", Map.of("agentId", agent));
            if (i == 0) {
                command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
            }
        }
        String query = "from=" + Instant.now().minus(1, ChronoUnit.DAYS) + "&to="
                + Instant.now().plus(1, ChronoUnit.MINUTES) + "&agentId=" + agent;
        awaitReport(query, ReportAfterRebuildHttpTest::complete);
        assertFigures(report(query));

        StreamingEventProcessor processor = processing.eventProcessor("case-projections", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(report(query).get("total").get("casesOpened").asLong())
                    .as("the reset emptied the projection, and the report shows it").isZero();
        } finally {
            processor.start();
        }
        awaitReport(query, ReportAfterRebuildHttpTest::complete);
        assertFigures(report(query));
    }

    private static boolean complete(JsonNode report) {
        return report.get("total").get("casesOpened").asLong() == 3
                && report.get("total").get("casesResolved").asLong() == 1;
    }

    private static void assertFigures(JsonNode report) {
        JsonNode total = report.get("total");
        assertThat(total.get("casesOpened").asLong()).isEqualTo(3);
        assertThat(total.get("casesResolved").asLong()).isEqualTo(1);
        assertThat(total.get("backlog").asLong()).isEqualTo(2);
        assertThat(total.get("resolutionRate").asDouble()).isEqualTo(1.0 / 3);
    }
}
