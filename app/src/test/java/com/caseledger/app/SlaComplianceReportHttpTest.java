package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's SLA compliance (targets met / targets decided, the latest outcome of each target counting) and its
 * durations in business time, over four cases imported into March 2024 under one policy: a Berlin office calendar,
 * Monday to Friday 09:00-17:00 (CET, UTC+1, all month), first reply 3 h, next reply 2 h, resolution 8 h of working
 * time. Only SUGGESTION cases through FORUM at LOW take the policy, and the report is filtered to them, so no other
 * test's cases count. Berlin times below; UTC is an hour earlier.
 *
 * <pre>
 * A  opened Fri 1 Mar 16:00; replied Mon 4 Mar 10:00 (Fri 1 h + Mon 1 h = 2 h: first reply MET); the customer
 *    writes Mon 11:00, replied 12:00 (1 h: next reply MET); resolved Mon 14:00 (1 h + 5 h = 6 h: resolution MET).
 *    business: first reply 2 h = 7200, first and full resolution 6 h = 21600, requester wait (all OPEN) 21600
 *    calendar: first reply 66 h = 237600, first and full resolution and requester wait 70 h = 252000
 * B  opened Tue 5 Mar 09:00; replied 13:00 (4 h: first reply BREACHED at 12:00); the customer writes Tue 16:00,
 *    replied Wed 10:30 (1 h + 1.5 h: next reply BREACHED at Wed 10:00); resolution BREACHED at Tue 17:00 (8 h used);
 *    waits for the customer Wed 11:00 to Thu 09:00, when the customer writes (a new wait), replied Thu 10:00
 *    (1 h: next reply MET); resolved Thu 11:00.
 *    business: first reply 4 h = 14400; first and full resolution Tue 8 h + Wed 8 h + Thu 2 h = 18 h = 64800;
 *              requester wait Tue 8 h + Wed 09-11 2 h + Thu 09-11 2 h = 12 h = 43200
 *    calendar: first reply 14400; first and full resolution 50 h = 180000; requester wait 26 h + 2 h = 100800
 * C  opened Mon 11 Mar 09:00; replied 09:30 (first reply MET); resolved 10:00 (1 h: resolution MET); reopened
 *    15:00 with 7 h left, due Tue 14:00 (Mon 2 h + Tue 5 h); resolved Wed 13 Mar 10:00: resolution BREACHED, the
 *    latest outcome, so the target counts once, as breached.
 *    business: first reply 1800; first resolution 3600; full resolution Mon 8 h + Tue 8 h + Wed 1 h = 17 h = 61200;
 *              requester wait 1 h + (Mon 2 h + Tue 8 h + Wed 1 h) = 12 h = 43200
 * D  opened Thu 14 Mar 09:00; replied 09:30; resolved 10:00: both MET; 1800, 3600, 3600, 3600 in either time.
 *
 * slaCompliance: first reply A C D met, B breached = 3/4 = 0.75; next reply (one target per wait) A and B's second
 * met, B's first breached = 2/3; resolution A D met, B C breached = 2/4 = 0.5.
 * Business time, nearest rank over 4 values (median the 2nd, p90 the 4th):
 *   firstReply      1800 1800 7200 14400     count 4, mean 25200/4 = 6300,   median 1800,  p90 14400
 *   firstResolution 3600 3600 21600 64800    count 4, mean 93600/4 = 23400,  median 3600,  p90 64800
 *   fullResolution  3600 21600 61200 64800   count 4, mean 151200/4 = 37800, median 21600, p90 64800
 *   requesterWait   3600 21600 43200 43200   count 4, mean 111600/4 = 27900, median 21600, p90 43200
 * Calendar time, for contrast: firstReply 1800 1800 14400 237600: mean 63900, median 1800, p90 237600.
 * By ISO week in Berlin, week 11 (C and D): first reply 2/2 = 1.0, no next reply target (null), resolution 1/2 = 0.5.
 * </pre>
 */
class SlaComplianceReportHttpTest extends ReportHttpTest {

    private static final String SLA = "/api/admin/sla";
    private static final String COHORT = "from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z"
            + "&type=SUGGESTION&channel=FORUM&priority=LOW";

    private String policyId;

    @BeforeEach
    void berlinOfficePolicy() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String calendarId = "berlin-office-" + unique;
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, List.of(Map.of("from", "09:00", "to", "17:00")));
        }
        ResponseEntity<String> calendar = put(SLA + "/calendars/" + calendarId,
                Map.of("zone", "Europe/Berlin", "workingHours", hours, "holidays", List.of()));
        assertThat(calendar.getStatusCode().value()).as(calendar.getBody()).isEqualTo(201);
        policyId = "forum-suggestions-" + unique;
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", "Forum suggestions at low priority");
        policy.put("position", 1);
        policy.put("match", Map.of("priorities", List.of("LOW"), "types", List.of("SUGGESTION"), "channels", List.of("FORUM")));
        policy.put("calendarId", calendarId);
        policy.put("targets", Map.of("firstReplySeconds", 3 * 3600, "nextReplySeconds", 2 * 3600,
                "resolutionSeconds", 8 * 3600));
        ResponseEntity<String> defined = put(SLA + "/policies/" + policyId, policy);
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
    }

    @AfterEach
    void removePolicy() {
        if (policyId != null) {
            assertThat(delete(SLA + "/policies/" + policyId).getStatusCode().value()).isEqualTo(204);
        }
    }

    @Test
    void sla_compliance_counts_each_targets_latest_outcome_and_business_time_counts_working_hours() {
        String agentId = agent();
        String a = open("2024-03-01T15:00:00Z");
        command(a, "replies", at("2024-03-04T09:00:00Z", "agentId", agentId, "body", "Thanks"));
        command(a, "customer-messages", at("2024-03-04T10:00:00Z", "body", "And the colours?"));
        command(a, "replies", at("2024-03-04T11:00:00Z", "agentId", agentId, "body", "Noted too"));
        long aDone = command(a, "resolve", at("2024-03-04T13:00:00Z", "resolutionCode", "NOTED"));

        String b = open("2024-03-05T08:00:00Z");
        command(b, "replies", at("2024-03-05T12:00:00Z", "agentId", agentId, "body", "Thanks"));
        command(b, "customer-messages", at("2024-03-05T15:00:00Z", "body", "Any news?"));
        command(b, "replies", at("2024-03-06T09:30:00Z", "agentId", agentId, "body", "Which page?"));
        command(b, "await-customer", at("2024-03-06T10:00:00Z", "reason", "which page"));
        command(b, "customer-messages", at("2024-03-07T08:00:00Z", "body", "The checkout"));
        command(b, "replies", at("2024-03-07T09:00:00Z", "agentId", agentId, "body", "Passed on"));
        long bDone = command(b, "resolve", at("2024-03-07T10:00:00Z", "resolutionCode", "NOTED"));

        String c = open("2024-03-11T08:00:00Z");
        command(c, "replies", at("2024-03-11T08:30:00Z", "agentId", agentId, "body", "Thanks"));
        command(c, "resolve", at("2024-03-11T09:00:00Z", "resolutionCode", "NOTED"));
        command(c, "reopen", at("2024-03-11T14:00:00Z", "reason", "not passed on after all"));
        long cDone = command(c, "resolve", at("2024-03-13T09:00:00Z", "resolutionCode", "NOTED"));

        String d = open("2024-03-14T08:00:00Z");
        command(d, "replies", at("2024-03-14T08:30:00Z", "agentId", agentId, "body", "Thanks"));
        long dDone = command(d, "resolve", at("2024-03-14T09:00:00Z", "resolutionCode", "NOTED"));

        view(a, aDone);
        view(b, bDone);
        view(c, cDone);
        view(d, dDone);
        awaitReport(COHORT, report -> report.get("total").get("casesResolved").asLong() == 4);

        JsonNode business = report(COHORT + "&time=business&groupBy=week&tz=Europe/Berlin");
        JsonNode total = business.get("total");
        assertThat(business.get("time").asText()).isEqualTo("business");
        assertThat(total.get("casesOpened").asLong()).isEqualTo(4);
        assertThat(total.get("slaCompliance").get("firstReply").asDouble()).isEqualTo(0.75);
        assertThat(total.get("slaCompliance").get("nextReply").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(total.get("slaCompliance").get("resolution").asDouble()).isEqualTo(0.5);
        assertSummary(total.get("firstReply"), 4, 6300, 1800, 14400);
        assertSummary(total.get("firstResolution"), 4, 23400, 3600, 64800);
        assertSummary(total.get("fullResolution"), 4, 37800, 21600, 64800);
        assertSummary(total.get("requesterWait"), 4, 27900, 21600, 43200);
        JsonNode week11 = group(business, "2024-W11");
        assertThat(week11.get("slaCompliance").get("firstReply").asDouble()).isEqualTo(1.0);
        assertThat(week11.get("slaCompliance").get("nextReply").isNull()).isTrue();
        assertThat(week11.get("slaCompliance").get("resolution").asDouble()).isEqualTo(0.5);

        JsonNode calendar = report(COHORT);
        assertThat(calendar.get("time").asText()).isEqualTo("calendar");
        assertSummary(calendar.get("total").get("firstReply"), 4, 63900, 1800, 237600);
        assertThat(calendar.get("total").get("slaCompliance")).isEqualTo(total.get("slaCompliance"));

        Map<String, Map<String, String>> csv = csv(COHORT + "&time=business&groupBy=week&tz=Europe/Berlin").byKey();
        assertThat(csv.get("TOTAL").get("slaComplianceFirstReply")).isEqualTo("0.75");
        assertThat(Double.parseDouble(csv.get("TOTAL").get("slaComplianceNextReply"))).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(csv.get("TOTAL").get("slaComplianceResolution")).isEqualTo("0.5");
        assertThat(csv.get("TOTAL").get("firstReplyMeanSeconds")).isEqualTo("6300");
        assertThat(csv.get("TOTAL").get("requesterWaitMedianSeconds")).isEqualTo("21600");
        assertThat(csv.get("2024-W11").get("slaComplianceNextReply")).isEmpty();
        assertThat(csv.get("2024-W11").get("slaComplianceResolution")).isEqualTo("0.5");
    }

    private String open(String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "SUGGESTION");
        body.put("channel", "FORUM");
        body.put("priority", "LOW");
        body.put("customerId", customer());
        body.put("subject", "An idea for the shop");
        body.put("occurredAt", occurredAt);
        return openCase(body);
    }

    /** A command body with {@code occurredAt} and the given fields (name, value, ...). */
    private static Map<String, Object> at(String occurredAt, String... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", occurredAt);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        return body;
    }

    private static void assertSummary(JsonNode summary, long count, long mean, long median, long p90) {
        assertThat(summary.get("count").asLong()).as(summary.toString()).isEqualTo(count);
        assertThat(summary.get("meanSeconds").asLong()).as(summary.toString()).isEqualTo(mean);
        assertThat(summary.get("medianSeconds").asLong()).as(summary.toString()).isEqualTo(median);
        assertThat(summary.get("p90Seconds").asLong()).as(summary.toString()).isEqualTo(p90);
    }
}
