package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level report as of an instant T answers what the live report answered at T: the cases of March 2023
 * (a period no other test uses; April 2023 is the other test's) are imported, the live report is taken once it shows them, and T noted; then another
 * case of the period is imported, an earlier case is resolved and surveyed, and another answered. Asked as of T, the report is the
 * one taken at T, as JSON and as CSV, in calendar and in business time, while the live report has moved on.
 */
class ReportAsOfHttpTest extends ReportHttpTest {

    private static final String PERIOD = "from=2023-03-01T00:00:00Z&to=2023-04-01T00:00:00Z";
    private static final List<String> QUERIES = List.of(
            PERIOD + "&groupBy=channel",
            PERIOD + "&groupBy=day&tz=Asia/Shanghai&time=business",
            PERIOD);

    private final String agent = agent();

    @Test
    void the_report_as_of_an_instant_is_the_report_that_was_live_then() throws InterruptedException {
        String answered = importCase("EMAIL", "INQUIRY", "2023-03-02T09:00:00Z");
        command(answered, "assign", Map.of("agentId", agent, "occurredAt", "2023-03-02T09:30:00Z"));
        command(answered, "replies", reply("2023-03-02T10:00:00Z"));
        command(answered, "resolve", resolution("2023-03-02T12:00:00Z"));
        long answeredVersion = command(answered, "surveys", Map.of("csat", 5, "nps", 9, "servqual",
                Map.of("RELIABILITY", Map.of("expectation", 6, "perception", 4)), "occurredAt", "2023-03-02T13:00:00Z"));
        Map<String, Object> onOrder = inquiryOnOrder();
        onOrder.putAll(Map.of("type", "COMPLAINT", "channel", "PHONE", "occurredAt", "2023-03-03T09:00:00Z"));
        String complaint = openCase(onOrder);
        command(complaint, "replies", reply("2023-03-03T09:45:00Z"));
        long complaintVersion = command(complaint, "refunds/" + refund(complaint) + "/issue",
                Map.of("paymentReference", "payment-" + complaint, "occurredAt", "2023-03-03T10:30:00Z"));
        String reopened = importCase("CHAT", "INQUIRY", "2023-03-05T16:00:00Z");
        command(reopened, "resolve", resolution("2023-03-06T08:00:00Z"));
        long reopenedVersion = command(reopened, "reopen", Map.of("reason", "The answer was incomplete",
                "occurredAt", "2023-03-07T08:00:00Z"));
        view(answered, answeredVersion);
        view(complaint, complaintVersion);
        view(reopened, reopenedVersion);
        awaitReport(PERIOD, report -> report.get("total").get("casesOpened").asLong() == 3);

        Map<String, JsonNode> liveAtT = new LinkedHashMap<>();
        Map<String, String> csvAtT = new LinkedHashMap<>();
        for (String query : QUERIES) {
            liveAtT.put(query, report(query));
            csvAtT.put(query, csvText(query));
        }
        Instant t = Instant.now();
        assertThat(liveAtT.get(PERIOD).get("total").get("casesOpened").asLong()).isEqualTo(3);
        assertThat(liveAtT.get(PERIOD).get("total").get("casesResolved").asLong()).isEqualTo(1);
        assertThat(liveAtT.get(PERIOD).get("total").get("refundRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(liveAtT.get(PERIOD).get("total").get("csat").asDouble()).isEqualTo(100.0);
        Thread.sleep(5);

        String backfilled = importCase("WEB", "COMPLAINT", "2023-03-10T10:00:00Z");
        long backfilledVersion = command(backfilled, "resolve", resolution("2023-03-11T10:00:00Z"));
        command(complaint, "resolve", resolution("2023-03-04T09:00:00Z"));
        long resolvedVersion = command(complaint, "surveys", Map.of("csat", 2, "nps", 3, "occurredAt",
                "2023-03-04T10:00:00Z"));
        long repliedVersion = command(reopened, "replies", Map.of("agentId", agent, "body", "Here is the rest."));
        view(backfilled, backfilledVersion);
        view(complaint, resolvedVersion);
        view(reopened, repliedVersion);
        awaitReport(PERIOD, report -> report.get("total").get("casesOpened").asLong() == 4
                && report.get("total").get("casesResolved").asLong() == 3);

        for (String query : QUERIES) {
            assertThat(report(query + "&asOf=" + t)).as(query).isEqualTo(liveAtT.get(query));
            assertThat(csvText(query + "&asOf=" + t)).as(query).isEqualTo(csvAtT.get(query));
            assertThat(report(query)).as("the live report has moved on: " + query).isNotEqualTo(liveAtT.get(query));
        }
        JsonNode live = report(PERIOD);
        assertThat(live.get("total").get("casesOpened").asLong()).isEqualTo(4);
        assertThat(live.get("total").get("casesResolved").asLong()).isEqualTo(3);
    }

    @Test
    void the_report_as_of_an_instant_to_come_is_the_live_report() {
        String caseId = importCase("SMS", "INQUIRY", "2023-04-20T09:00:00Z");
        view(caseId, command(caseId, "replies", reply("2023-04-20T09:05:00Z")));
        String query = "from=2023-04-01T00:00:00Z&to=2023-05-01T00:00:00Z&groupBy=channel";
        awaitReport(query, report -> report.get("total").get("casesOpened").asLong() == 1);

        JsonNode asOfLater = report(query + "&asOf=" + Instant.now().plus(1, ChronoUnit.HOURS));

        assertThat(asOfLater).isEqualTo(report(query));
        assertThat(csvText(query + "&asOf=" + Instant.now().plus(1, ChronoUnit.DAYS))).isEqualTo(csvText(query));
    }

    @Test
    void without_a_period_the_report_as_of_an_instant_covers_the_thirty_days_before_it() {
        Instant t = Instant.parse("2023-03-31T00:00:00Z");

        JsonNode report = report("asOf=" + t);

        assertThat(report.get("to").asText()).isEqualTo(t.toString());
        assertThat(report.get("from").asText()).isEqualTo(t.minus(30, ChronoUnit.DAYS).toString());
    }

    /**
     * The histories of the other report tests (every metric: refunds, follow-up calls, surveys, SLA outcomes, working
     * time) read the same folded from the store as from the projection; a report taken while an event is recorded
     * (an SLA timer) is taken again.
     */
    @Test
    void over_the_recorded_histories_the_report_as_of_a_moment_ago_is_the_live_report() {
        ServiceLevelHistory.backfillOnce(this);
        VoiceOfCustomerHistory.backfillOnce(this);
        List<String> queries = List.of(
                ServiceLevelHistory.PERIOD + "&groupBy=agent",
                ServiceLevelHistory.PERIOD + "&groupBy=day&tz=Asia/Shanghai&time=business",
                VoiceOfCustomerHistory.PERIOD + "&groupBy=channel",
                "from=2021-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&groupBy=month&time=business");
        for (String query : queries) {
            for (int attempt = 1; ; attempt++) {
                JsonNode before = report(query);
                Instant t = Instant.now();
                JsonNode asOf = report(query + "&asOf=" + t);
                if (before.equals(report(query)) || attempt == 5) {
                    assertThat(asOf).as(query).isEqualTo(before);
                    break;
                }
            }
        }
    }

    private String importCase(String channel, String type, String openedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("customerId", customer());
        body.put("subject", "A case of spring 2023");
        body.put("occurredAt", openedAt);
        return openCase(body);
    }

    /** Requests a refund of 59.90 CNY (within the auto-approval limit: approved at once); answers its id. */
    private String refund(String caseId) {
        ResponseEntity<String> response = post("/api/cases/" + caseId + "/refunds", Map.of("kind", "REFUND_ONLY",
                "amount", Map.of("amount", "59.90", "currency", "CNY"), "reason", "The parcel arrived damaged",
                "occurredAt", "2023-03-03T10:00:00Z"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response).get("refundId").asText();
    }

    private Map<String, Object> reply(String at) {
        return Map.of("agentId", agent, "body", "Here is what we found.", "occurredAt", at);
    }

    private static Map<String, Object> resolution(String at) {
        return Map.of("resolutionCode", "ANSWERED", "occurredAt", at);
    }

    private String csvText(String query) {
        CsvReport csv = csv(query);
        return csv.headerLine() + "\n" + csv.rows();
    }
}
