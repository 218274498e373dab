package com.caseledger.app;

import com.caseledger.platform.personaldata.PlaintextSealing;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal text recorded before sealing existed is sealed once, in place, so that an erasure erases it too; the
 * event is otherwise left as it was recorded, and the store allows no other rewrite.
 */
class SealingTextRecordedInClearHttpTest extends CaseLedgerHttpTest {

    private static final String LEGACY_TEXT = "I live at 12 Elm Street, call me on 555-0100";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlaintextSealing sealing;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void text_recorded_in_clear_is_sealed_in_place_and_then_erased_with_its_customer() {
        String customerId = customer();
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customerId,
                "subject", "Where is my parcel?"));
        String eventId = UUID.randomUUID().toString();
        recordInClear(caseId, eventId);
        assertThat(storedPayload(eventId)).contains(LEGACY_TEXT);

        long sealed = sealing.sealAll();

        assertThat(sealed).isGreaterThanOrEqualTo(1);
        assertThat(storedPayload(eventId)).doesNotContain("Elm Street").contains("pd1:");
        JsonNode reply = json(get("/api/cases/" + caseId + "/history")).get(1);
        assertThat(reply.get("eventId").asText()).isEqualTo(eventId);
        assertThat(reply.get("actor").asText()).as("the metadata as recorded").isEqualTo("legacy-agent");
        assertThat(reply.get("payload").get("body").asText()).isEqualTo(LEGACY_TEXT);
        assertThat(sealing.sealAll()).as("sealed once").isZero();

        assertThat(post("/api/customers/" + customerId + "/erase", Map.of()).getStatusCode().value()).isEqualTo(200);

        JsonNode erased = json(get("/api/cases/" + caseId + "/history")).get(1);
        assertThat(erased.get("payload").get("body").asText()).isEqualTo("[erased]");
    }

    @Test
    void the_sealing_rewrite_may_change_the_payload_only() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(),
                "subject", "Hi"));
        TransactionTemplate sealingTransaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> sealingTransaction.executeWithoutResult(status -> {
            jdbc.execute("set local caseledger.sealing_personal_text = 'on'");
            jdbc.update("update eventstore.domain_event_entry set meta_data = null where aggregate_identifier = ?", caseId);
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sealingTransaction.executeWithoutResult(status -> {
            jdbc.execute("set local caseledger.sealing_personal_text = 'on'");
            jdbc.update("delete from eventstore.domain_event_entry where aggregate_identifier = ?", caseId);
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update eventstore.domain_event_entry set payload = payload "
                + "where aggregate_identifier = ?", caseId)).hasMessageContaining("append-only");
    }

    /** An AgentReplied as a node recorded it before personal text was sealed. */
    private void recordInClear(String caseId, String eventId) {
        String payload = "{\"caseId\":\"" + caseId + "\",\"agentId\":\"legacy-agent\",\"body\":\"" + LEGACY_TEXT
                + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
        String metaData = "{\"actor\":\"legacy-agent\",\"correlationId\":\"legacy\"}";
        jdbc.update("insert into eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, 1, 'SupportCase', ?, ?, ?, '1', 'com.caseledger.events.AgentReplied', ?)",
                caseId, eventId, metaData.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                Instant.now().toString());
    }

    private String storedPayload(String eventId) {
        byte[] payload = jdbc.queryForObject("select payload from eventstore.domain_event_entry where event_identifier = ?",
                byte[].class, eventId);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
