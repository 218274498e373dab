package com.caseledger.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent id a spreadsheet would run as a formula reaches the report's CSV quoted behind a quote mark. */
class CsvInjectionHttpTest extends ReportHttpTest {

    private static final String PERIOD = "from=2019-02-01T00:00:00Z&to=2019-02-02T00:00:00Z&groupBy=agent";

    @Test
    void agent_ids_that_are_formulas_are_neutralised_in_the_csv() {
        List<String> agents = List.of("=HYPERLINK(\"http://example.test\")", "@SUM(A1)", "+1+1", "-2+3");
        for (String agent : agents) {
            String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customer(),
                    "subject", "Price?", "occurredAt", "2019-02-01T09:00:00Z"));
            command(caseId, "assign", Map.of("agentId", agent, "occurredAt", "2019-02-01T09:05:00Z"));
        }
        // every assignment in: each agent's group, and no case left unassigned
        awaitReport(PERIOD, report -> report.get("groups").size() == agents.size()
                && report.get("groups").findValuesAsText("key").stream().noneMatch("unassigned"::equals));

        String body = get(REPORT + PERIOD, "Accept", "text/csv").getBody();

        for (String agent : agents) {
            assertThat(body).contains("\"'" + agent.replace("\"", "\"\"") + "\"");
            assertThat(body.lines()).noneMatch(line -> line.startsWith(agent.substring(0, 1)));
        }
    }
}
