package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.caseledger.app.CaseLedgerHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words the report tests write their scenarios in: cases backfilled through the HTTP API at given instants
 * (opened, answered, resolved, refunded, called back, surveyed), each checked against the state its scenario
 * table says it ends in. Customers, orders and fixed actors carry the scenario's prefix, so no other test's
 * cases or orders mix with them.
 *
 * <p>All test classes share one database, and a report counts every case opened in its period: a history is
 * therefore backfilled once per application ({@link #once}), and every class that reads its period reads the
 * same cases.
 */
final class ReportScenario {

    /** Per application, the histories backfilled in it, with the failure if their backfill failed. */
    private static final Map<ApplicationContext, Map<String, Optional<Throwable>>> BACKFILLED = new HashMap<>();

    private final ReportHttpTest test;
    private final String prefix;
    private final String subject;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<BackfilledCase> cases = new ArrayList<>();

    /**
     * @param prefix  of the scenario's customers ({@code prefix + "customer-" + name}), orders and fixed actors
     * @param subject of its cases, followed by the case's name
     */
    ReportScenario(ReportHttpTest test, String prefix, String subject) {
        this.test = test;
        this.prefix = prefix;
        this.subject = subject;
    }

    /**
     * Runs {@code backfill} unless {@code history} is already recorded in the test's application: the report
     * classes of one family read the same history, and a second copy would count each of its cases twice.
     */
    static void once(ReportHttpTest test, String history, Runnable backfill) {
        synchronized (BACKFILLED) {
            Map<String, Optional<Throwable>> histories = BACKFILLED.computeIfAbsent(test.application(), a -> new HashMap<>());
            Optional<Throwable> earlier = histories.get(history);
            if (earlier == null) {
                try {
                    backfill.run();
                    histories.put(history, Optional.empty());
                } catch (RuntimeException | Error e) {
                    histories.put(history, Optional.of(e));
                    throw e;
                }
            } else if (earlier.isPresent()) {
                throw new AssertionError("The " + history + " could not be backfilled", earlier.get());
            }
        }
    }

    BackfilledCase open(String name, String channel, String type, String openedAt) {
        return openOnOrder(name, channel, type, null, null, openedAt);
    }

    /** Opens a case on an order of the scenario's own worth {@code orderAmount}; no order when it is null. */
    BackfilledCase openOnOrder(String name, String channel, String type, String orderAmount, String currency,
                               String openedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("customerId", prefix + "customer-" + name);
        body.put("subject", subject + name);
        if (orderAmount != null) {
            body.put("orderId", prefix + "order-" + name + "-" + run);
            body.put("orderAmount", money(orderAmount, currency));
        }
        body.put("occurredAt", openedAt);
        BackfilledCase backfilled = new BackfilledCase(name, test.openCase(body));
        cases.add(backfilled);
        return backfilled;
    }

    /** Waits for every case's view to reach its last version, and checks each ended as its scenario says. */
    void awaitViews() {
        cases.forEach(BackfilledCase::awaitView);
    }

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    /** A SERVQUAL rating of one dimension. */
    static Map<String, Object> rating(int expectation, int perception) {
        return Map.of("expectation", expectation, "perception", perception);
    }

    /** The statuses a case's after-sales requests end in, in any order. */
    static List<String> refunds(String... statuses) {
        return List.of(statuses);
    }

    /** The statuses a case's follow-up calls end in, in any order. */
    static List<String> calls(String... statuses) {
        return List.of(statuses);
    }

    /** One backfilled case: sends its commands in order and remembers the version the last one reached. */
    final class BackfilledCase {

        private final String name;
        private final String caseId;
        private long version;
        private String expectedStatus;
        private List<String> expectedRefunds;
        private List<String> expectedCalls;

        private BackfilledCase(String name, String caseId) {
            this.name = name;
            this.caseId = caseId;
        }

        String caseId() {
            return caseId;
        }

        /** The case's version after the last command sent. */
        long version() {
            return version;
        }

        // --- the case lifecycle ---

        BackfilledCase assign(String agentId, String at) {
            return send("assign", Map.of("agentId", agentId, "occurredAt", at));
        }

        BackfilledCase reply(String agentId, String at) {
            return send("replies", Map.of("agentId", agentId, "body", "Here is what we found.", "occurredAt", at));
        }

        BackfilledCase note(String agentId, String at) {
            return send("notes", Map.of("agentId", agentId, "body", "Checked the order history.", "occurredAt", at));
        }

        BackfilledCase awaitCustomer(String at) {
            return send("await-customer", Map.of("reason", "Waiting for a photo", "occurredAt", at));
        }

        BackfilledCase customerMessage(String at) {
            return send("customer-messages", Map.of("body", "Any news?", "occurredAt", at));
        }

        BackfilledCase resolve(String at) {
            return send("resolve", Map.of("resolutionCode", "ANSWERED", "occurredAt", at));
        }

        BackfilledCase reopen(String at) {
            return send("reopen", Map.of("reason", "The answer was incomplete", "occurredAt", at));
        }

        BackfilledCase close(String at) {
            return send("close", Map.of("occurredAt", at));
        }

        // --- after-sales requests ---

        /** Requests an after-sales action (amount null for an exchange) and answers its refundId. */
        String requestRefund(String kind, String amount, String currency, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            if (amount != null) {
                body.put("amount", money(amount, currency));
            }
            body.put("reason", "Customer asked for " + kind);
            body.put("occurredAt", at);
            return created("refunds", body).get("refundId").asText();
        }

        BackfilledCase approve(String refundId, String at) {
            return send("refunds/" + refundId + "/approve", Map.of("approverId", prefix + "supervisor", "occurredAt", at));
        }

        BackfilledCase reject(String refundId, String at) {
            return send("refunds/" + refundId + "/reject", Map.of("reason", "Outside the return window", "occurredAt", at));
        }

        BackfilledCase issue(String refundId, String reference, String at) {
            return send("refunds/" + refundId + "/issue", Map.of("paymentReference", reference, "occurredAt", at));
        }

        BackfilledCase fail(String refundId, String at) {
            return send("refunds/" + refundId + "/fail", Map.of("reason", "The bank declined", "occurredAt", at));
        }

        // --- follow-up calls ---

        String scheduleCall(String scheduledFor, String at) {
            return created("follow-ups", Map.of("scheduledFor", scheduledFor, "purpose", "How did it go?", "occurredAt", at))
                    .get("followUpId").asText();
        }

        /** The automatic call the latest resolution of this complaint scheduled, read from the case view. */
        String automaticCall(String expectedScheduledFor) {
            for (JsonNode call : test.view(caseId, version).get("followUps")) {
                if (call.get("automatic").asBoolean() && "SCHEDULED".equals(call.get("status").asText())) {
                    assertThat(Instant.parse(call.get("scheduledFor").asText())).as("automatic call of " + name)
                            .isEqualTo(Instant.parse(expectedScheduledFor));
                    return call.get("followUpId").asText();
                }
            }
            throw new AssertionError("Case " + name + " has no scheduled automatic call: " + test.view(caseId, version));
        }

        BackfilledCase complete(String followUpId, boolean reached, Integer satisfaction, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reached", reached);
            if (satisfaction != null) {
                body.put("satisfaction", satisfaction);
            }
            body.put("occurredAt", at);
            return send("follow-ups/" + followUpId + "/complete", body);
        }

        BackfilledCase miss(String followUpId, String at) {
            return send("follow-ups/" + followUpId + "/miss", Map.of("reason", "No answer", "occurredAt", at));
        }

        BackfilledCase reschedule(String followUpId, String scheduledFor, String at) {
            return send("follow-ups/" + followUpId + "/reschedule", Map.of("scheduledFor", scheduledFor, "occurredAt", at));
        }

        // --- surveys ---

        /** Records one survey answer; an instrument that is null is left out of it. */
        BackfilledCase survey(Integer csat, Integer nps, Map<String, Object> servqual, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (csat != null) {
                body.put("csat", csat);
            }
            if (nps != null) {
                body.put("nps", nps);
            }
            if (servqual != null) {
                body.put("servqual", servqual);
            }
            body.put("occurredAt", at);
            return send("surveys", body);
        }

        // --- how the case must end ---

        /** The status the case must end in. */
        void expect(String status) {
            expectedStatus = status;
        }

        /** The status the case must end in, and the statuses of its after-sales requests and follow-up calls. */
        void expect(String status, List<String> refundStatuses, List<String> callStatuses) {
            expectedStatus = status;
            expectedRefunds = refundStatuses;
            expectedCalls = callStatuses;
        }

        private void awaitView() {
            JsonNode view = test.view(caseId, version);
            assertThat(view.get("status").asText()).as("status of case " + name).isEqualTo(expectedStatus);
            if (expectedRefunds != null) {
                assertThat(statuses(view.get("refunds"))).as("refunds of case " + name)
                        .containsExactlyInAnyOrderElementsOf(expectedRefunds);
            }
            if (expectedCalls != null) {
                assertThat(statuses(view.get("followUps"))).as("follow-up calls of case " + name)
                        .containsExactlyInAnyOrderElementsOf(expectedCalls);
            }
        }

        private List<String> statuses(JsonNode items) {
            List<String> statuses = new ArrayList<>();
            if (items != null) {
                items.forEach(item -> statuses.add(item.get("status").asText()));
            }
            return statuses;
        }

        private BackfilledCase send(String action, Map<String, Object> body) {
            version = test.command(caseId, action, body);
            return this;
        }

        private JsonNode created(String path, Map<String, Object> body) {
            ResponseEntity<String> response = test.post("/api/cases/" + caseId + "/" + path, body);
            assertThat(response.getStatusCode().value()).as(name + " " + path + ": " + response.getBody()).isEqualTo(201);
            JsonNode answer = json(response);
            version = answer.get("version").asLong();
            return answer;
        }
    }
}
