package com.caseledger.platform.axon;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.platform.personaldata.CustomerKey;
import com.caseledger.platform.personaldata.PersonalDataKeys;
import com.caseledger.platform.personaldata.PersonalDataSerialization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored at an older revision, read through the upcasters {@link EventStoreConfiguration} registers and the
 * serializer the application reads events with, as the storage engine reads them.
 */
class OlderEventRevisionsTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A SlaPolicyApplied as revision 1 stored it: no escalateOnBreach. */
    private static final String SLA_POLICY_APPLIED_REVISION_1 = """
            {"caseId":"case-1","policyId":"standard","policyVersion":3,"calendarId":null,"calendarVersion":null,\
            "targets":{"firstReplySeconds":3600,"nextReplySeconds":null,"resolutionSeconds":86400},"calendar":null,\
            "occurredAt":"2026-01-05T09:00:00Z"}""";

    /** On the application's mapper as Spring Boot builds it: instants as ISO-8601 text. */
    private final Serializer events = new PersonalDataSerialization().eventSerializer(
            Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build(),
            new AnnotationRevisionResolver(), new NoKeys());
    private final EventUpcasterChain upcasters =
            new EventUpcasterChain(new EventStoreConfiguration().slaPolicyAppliedRevision1Upcaster());

    @Test
    void a_revision_1_sla_policy_applied_is_read_as_revision_2_that_does_not_escalate_on_breach() {
        Object read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored(SlaPolicyApplied.class, "1", SLA_POLICY_APPLIED_REVISION_1)), events, upcasters)
                .next().getPayload();

        assertThat(read).isEqualTo(new SlaPolicyApplied("case-1", "standard", 3L, null, null,
                new SlaTargets(3600L, null, 86400L), null, false, AT));
        assertThat(upcast(stored(SlaPolicyApplied.class, "1", SLA_POLICY_APPLIED_REVISION_1)).getType().getRevision())
                .isEqualTo("2");
    }

    @Test
    void a_revision_1_sla_policy_applied_becomes_exactly_what_revision_2_stores() throws Exception {
        SlaPolicyApplied current = new SlaPolicyApplied("case-1", "standard", 3L, null, null,
                new SlaTargets(3600L, null, 86400L), null, false, AT);
        SerializedObject<byte[]> written = events.serialize(current, byte[].class);

        IntermediateEventRepresentation upcast = upcast(stored(SlaPolicyApplied.class, "1", SLA_POLICY_APPLIED_REVISION_1));

        assertThat(written.getType()).isEqualTo(upcast.getType());
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(JSON.readTree(written.getData()));
        assertThat(JSON.readTree(SLA_POLICY_APPLIED_REVISION_1))
                .as("revision 1 is revision 2 without escalateOnBreach")
                .isEqualTo(((ObjectNode) JSON.readTree(written.getData())).without("escalateOnBreach"));
    }

    @Test
    void events_of_other_types_or_revisions_are_read_as_they_were_stored() {
        String sealedReply = """
                {"caseId":"case-1","agentId":"agent-1","body":"pd1:key-1:c2VhbGVk","occurredAt":"2026-01-05T09:00:00Z"}""";
        String escalatingRevision2 = SLA_POLICY_APPLIED_REVISION_1.replace("\"occurredAt\"",
                "\"escalateOnBreach\":true,\"occurredAt\"");

        IntermediateEventRepresentation reply = upcast(stored(AgentReplied.class, "1", sealedReply));
        IntermediateEventRepresentation revision2 = upcast(stored(SlaPolicyApplied.class, "2", escalatingRevision2));

        assertThat(reply.getType().getRevision()).isEqualTo("1");
        assertThat(new String(reply.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(sealedReply);
        assertThat(revision2.getType().getRevision()).isEqualTo("2");
        assertThat(new String(revision2.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo(escalatingRevision2);
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<byte[]> entry) {
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, events))).findFirst().orElseThrow();
    }

    private static GenericDomainEventEntry<byte[]> stored(Class<? extends CaseEvent> type, String revision,
                                                          String payload) {
        return new GenericDomainEventEntry<>("SupportCase", "case-1", 1, "event-1", AT.toString(), type.getName(),
                revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** None of these events is written, and no key is known: a sealed text is read as it was stored. */
    private static final class NoKeys implements PersonalDataKeys {

        @Override
        public CustomerKey currentKeyFor(CaseEvent event) {
            throw new UnsupportedOperationException("nothing is written here");
        }

        @Override
        public Optional<CustomerKey> key(String keyId) {
            return Optional.empty();
        }
    }
}
