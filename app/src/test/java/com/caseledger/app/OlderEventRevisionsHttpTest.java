package com.caseledger.app;

import com.caseledger.events.SlaPolicyApplied;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored at an older revision is read in its current shape by everything that reads the store: the
 * history, the case view's projection, and the command side when it loads the case.
 */
class OlderEventRevisionsHttpTest extends CaseLedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Cache caseCache;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void a_revision_1_sla_policy_applied_reads_as_not_escalating_on_breach_and_its_case_still_takes_commands() {
        String caseId = openCase(inquiry());
        long sequence = recordRevision1SlaPolicyApplied(caseId, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        JsonNode history = json(get("/api/cases/" + caseId + "/history"));
        JsonNode applied = history.get(history.size() - 1);
        assertThat(applied.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(applied.get("type").asText()).isEqualTo("SlaPolicyApplied");
        assertThat(applied.get("payload").get("escalateOnBreach").isBoolean()).isTrue();
        assertThat(applied.get("payload").get("escalateOnBreach").asBoolean()).isFalse();
        assertThat(applied.get("payload").get("policyId").asText()).isEqualTo("older-policy");

        JsonNode view = view(caseId, sequence);
        assertThat(view.get("version").asLong()).isEqualTo(sequence);
        assertThat(view.get("sla").get("policyId").asText()).isEqualTo("older-policy");

        // as a node that has not had the case in memory since the row was written: it loads the case from its events
        caseCache.remove(caseId);
        long version = command(caseId, "notes", Map.of("agentId", "agent-1", "body", "Checked the SLA"));

        assertThat(version).isEqualTo(sequence + 1);
        assertThat(view(caseId, version).get("notes").asInt()).isEqualTo(1);
    }

    @Test
    void the_event_store_reads_through_the_upcaster_that_makes_a_revision_1_sla_policy_applied_revision_2() {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("SupportCase", "case-1", 1,
                UUID.randomUUID().toString(), Instant.now().toString(), SlaPolicyApplied.class.getName(), "1",
                revision1Payload("case-1", Instant.now()), "{}".getBytes(StandardCharsets.UTF_8));

        IntermediateEventRepresentation read = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, eventSerializer))).findFirst().orElseThrow();

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(JsonNode.class).getData().get("escalateOnBreach").asBoolean(true)).isFalse();
    }

    /**
     * Appends a SlaPolicyApplied as revision 1 stored it, after the case's latest event and with that event's
     * metadata and recording time; answers its sequence number.
     */
    private long recordRevision1SlaPolicyApplied(String caseId, Instant occurredAt) {
        Map<String, Object> latest = jdbc.queryForMap("select sequence_number, type, meta_data, time_stamp "
                + "from eventstore.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", caseId);
        long sequence = (Long) latest.get("sequence_number") + 1;
        jdbc.update("insert into eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, ?, ?, ?, ?, '1', ?, ?)",
                caseId, sequence, latest.get("type"), UUID.randomUUID().toString(), latest.get("meta_data"),
                revision1Payload(caseId, occurredAt), SlaPolicyApplied.class.getName(), latest.get("time_stamp"));
        return sequence;
    }

    private static byte[] revision1Payload(String caseId, Instant occurredAt) {
        return ("{\"caseId\":\"" + caseId + "\",\"policyId\":\"older-policy\",\"policyVersion\":1,\"calendarId\":null,"
                + "\"calendarVersion\":null,\"targets\":{\"firstReplySeconds\":86400,\"nextReplySeconds\":null,"
                + "\"resolutionSeconds\":null},\"calendar\":null,\"occurredAt\":\"" + occurredAt + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
