package com.caseledger.app;

import com.caseledger.platform.personaldata.PlaintextSealing;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence: each event of a case is chained to the one before by a hash over what is stored; verifying
 * recomputes the chain and names the first broken link. Erasure and the sealing of old text keep the chain valid.
 */
class CaseChainHttpTest extends CaseLedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlaintextSealing sealing;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void an_untouched_case_verifies_as_a_valid_chain_for_an_auditor() {
        String caseId = openCase(inquiry());
        command(caseId, "assign", Map.of("agentId", agent()));
        long version = command(caseId, "notes", Map.of("agentId", "admin", "body", "Called the courier"));

        JsonNode chain = verified(caseId, "auditor");

        assertThat(chain.get("caseId").asText()).isEqualTo(caseId);
        assertThat(chain.get("events").asLong()).isEqualTo(version + 1);
        assertThat(chain.get("valid").asBoolean()).isTrue();
        assertThat(chain.get("validUpTo").asLong()).isEqualTo(version);
        assertThat(chain.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(chain.get("firstBrokenLink").isNull()).isTrue();
    }

    @Test
    void a_payload_byte_changed_in_the_database_is_named_as_the_first_broken_link() {
        String agentId = agent();
        String caseId = openCase(inquiry());
        long assigned = command(caseId, "assign", Map.of("agentId", agentId));
        long version = command(caseId, "notes", Map.of("agentId", "admin", "body", "Called the courier"));
        byte[] recorded = payload(caseId, assigned);
        byte[] tampered = recorded.clone();
        int at = new String(recorded, StandardCharsets.ISO_8859_1).indexOf(agentId) + "agent-".length();
        tampered[at] = (byte) (tampered[at] == '0' ? '1' : '0');

        overwritePayload(caseId, assigned, tampered);
        JsonNode chain;
        try {
            chain = verified(caseId, "admin");
        } finally {
            overwritePayload(caseId, assigned, recorded);
        }

        assertThat(chain.get("valid").asBoolean()).isFalse();
        assertThat(chain.get("events").asLong()).isEqualTo(version + 1);
        assertThat(chain.get("validUpTo").asLong()).isEqualTo(assigned - 1);
        assertThat(chain.get("firstBrokenSequence").asLong()).isEqualTo(assigned);
        JsonNode link = chain.get("firstBrokenLink");
        assertThat(link.get("sequence").asLong()).isEqualTo(assigned);
        assertThat(link.get("reason").asText()).isEqualTo("hash does not match what is stored");
        assertThat(link.get("eventId").asText()).isEqualTo(jdbc.queryForObject("select event_identifier from "
                + "eventstore.domain_event_entry where aggregate_identifier = ? and sequence_number = ?", String.class,
                caseId, assigned));
        assertThat(link.get("expectedHash").asText()).hasSize(64).isNotEqualTo(link.get("storedHash").asText());
        assertThat(verified(caseId, "admin").get("valid").asBoolean()).as("the recorded bytes back").isTrue();
    }

    @Test
    void erasing_the_customer_leaves_the_chain_valid() {
        Map<String, Object> opening = inquiry();
        String customerId = (String) opening.get("customerId");
        String caseId = openCase(opening);
        long version = command(caseId, "customer-messages", Map.of("body", "Call me on 555-0100"));

        ResponseEntity<String> erased = post("/api/customers/" + customerId + "/erase", null);
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(200);

        JsonNode chain = verified(caseId, "auditor");
        assertThat(chain.get("valid").asBoolean()).isTrue();
        assertThat(chain.get("events").asLong()).isEqualTo(version + 1);
        assertThat(json(get("/api/cases/" + caseId + "/history")).get((int) version).get("payload").get("body").asText())
                .isEqualTo("[erased]");
    }

    @Test
    void sealing_text_recorded_in_clear_chains_the_events_after_it_again() {
        String caseId = openCase(inquiry());
        long inClear = jdbc.queryForObject("select max(sequence_number) + 1 from eventstore.domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, caseId);
        recordAsBeforeSealing(caseId, inClear, "com.caseledger.events.CustomerMessageReceived",
                "\"body\":\"I live at 12 Elm Street\",\"channel\":\"EMAIL\"");
        recordAsBeforeSealing(caseId, inClear + 1, "com.caseledger.events.CaseAssigned",
                "\"agentId\":\"" + agent() + "\",\"team\":null");
        byte[] recorded = payload(caseId, inClear);

        sealing.sealAll();

        assertThat(payload(caseId, inClear)).as("sealed in place").isNotEqualTo(recorded);
        JsonNode chain = verified(caseId, "auditor");
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("events").asLong()).isEqualTo(inClear + 2);
        JsonNode rewrites = chain.get("rewrites");
        assertThat(rewrites).as("the rewrite is on record").hasSize(1);
        assertThat(rewrites.get(0).get("sequence").asLong()).isEqualTo(inClear);
        assertThat(rewrites.get(0).get("hashBefore").asText()).isNotEqualTo(rewrites.get(0).get("hashAfter").asText());
        assertThat(jdbc.queryForObject("select count(*) from eventstore.payload_rewrite where aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(1);
    }

    @Test
    void an_unknown_case_is_404_and_only_auditors_and_admins_may_verify() {
        problem(get("/api/cases/no-such-case/verify", as("auditor")), 404);

        String caseId = openCase(inquiry());
        for (String refused : new String[] {"agent", "supervisor", "analyst"}) {
            problem(get("/api/cases/" + caseId + "/verify", as(refused)), 403);
        }
    }

    private JsonNode verified(String caseId, String user) {
        ResponseEntity<String> answer = get("/api/cases/" + caseId + "/verify", as(user));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer);
    }

    private byte[] payload(String caseId, long sequence) {
        return jdbc.queryForObject("select payload from eventstore.domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, caseId, sequence);
    }

    /** A change behind the store's triggers' back (as with the database's superuser), for this transaction only. */
    private void overwritePayload(String caseId, long sequence, byte[] payload) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update eventstore.domain_event_entry set payload = ? where aggregate_identifier = ? "
                    + "and sequence_number = ?", payload, caseId, sequence);
        });
    }

    /** An event as a node recorded it before personal text was sealed, written to the store directly. */
    private void recordAsBeforeSealing(String caseId, long sequence, String type, String fields) {
        String payload = "{\"caseId\":\"" + caseId + "\"," + fields + ",\"occurredAt\":\"" + Instant.now() + "\"}";
        jdbc.update("insert into eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, 'SupportCase', ?, ?, ?, '1', ?, ?)",
                caseId, sequence, UUID.randomUUID().toString(),
                "{\"actor\":\"legacy-agent\"}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                type, Instant.now().toString());
    }
}
