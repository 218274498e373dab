package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Priority;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor's history is every recorded event, whatever snapshots the command side has taken of the case. */
class HistoryWithSnapshotsHttpTest extends CaseLedgerHttpTest {

    private static final int NOTES = 250;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Test
    void history_and_state_at_an_instant_show_every_event_of_a_case_with_several_snapshots() throws Exception {
        String caseId = openCase(Map.of("type", "COMPLAINT", "channel", "PHONE", "customerId", customer(),
                "subject", "The kettle leaks"));
        long version = 0;
        for (int note = 1; note <= NOTES; note++) {
            version = command(caseId, "notes", Map.of("agentId", "agent-1", "body", "call " + note));
            if (note == 150) {
                version = command(caseId, "replies", Map.of("agentId", "agent-1", "body", "A new kettle is on its way"));
            }
        }
        Instant afterTheLastEvent = Instant.now().plusSeconds(1);
        // the store keeps a case's latest snapshot only, and one is taken about every 100 events: a latest one
        // past 150 means at least two were taken
        assertThat(awaitSnapshotAt(caseId, 150)).as("sequence of the latest snapshot").isGreaterThanOrEqualTo(150);

        JsonNode history = json(get("/api/cases/" + caseId + "/history"));

        assertThat(history).hasSize((int) version + 1);
        List<Long> sequences = new ArrayList<>();
        history.forEach(entry -> sequences.add(entry.get("sequence").asLong()));
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(0, version).boxed().toList());
        assertThat(history.get(0).get("type").asText()).isEqualTo("CaseOpened");
        history.forEach(entry -> assertThat(entry.get("type").asText()).isNotEqualTo("SupportCase"));

        JsonNode state = json(get("/api/cases/" + caseId + "/state?asOf=" + afterTheLastEvent));
        assertThat(state.get("version").asLong()).isEqualTo(version);
        assertThat(state.get("replies").asInt()).isEqualTo(1);
        assertThat(state.get("firstReplyAt").isNull()).isFalse();
        assertThat(state).isEqualTo(view(caseId, version));
    }

    @Test
    void a_snapshot_of_an_earlier_format_is_skipped_and_the_case_is_loaded_from_its_events() {
        String caseId = "imported-" + UUID.randomUUID();
        Instant openedAt = Instant.now().minusSeconds(3600);
        eventStore.publish(new GenericDomainEventMessage<>("SupportCase", caseId, 0, new CaseOpened(caseId,
                CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL, customer(), "Size?", null, null, null,
                openedAt), MetaData.with(EventMetadata.ACTOR, "importer")));
        // a snapshot of another revision is not trusted, even one that reads: this one would make the case CLOSED
        jdbc.update("""
                insert into eventstore.snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'SupportCase', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), null,
                        'com.caseledger.command.cases.SupportCase', ?)
                """, caseId, UUID.randomUUID().toString(),
                "{\"caseId\":\"" + caseId + "\",\"lifecycle\":{\"status\":\"CLOSED\",\"type\":\"INQUIRY\"}}",
                openedAt.toString());

        long version = command(caseId, "replies", Map.of("agentId", "agent-1", "body", "We have it in M and L"));

        assertThat(version).isEqualTo(1);
        assertThat(view(caseId, version).get("status").asText()).isEqualTo("OPEN");
    }

    /** Snapshots are stored after the command that crosses the threshold: wait until one has reached {@code sequence}. */
    private long awaitSnapshotAt(String caseId, long sequence) throws InterruptedException {
        long latest = -1;
        for (int attempt = 0; attempt < 100 && latest < sequence; attempt++) {
            Long found = jdbc.queryForObject("select max(sequence_number) from eventstore.snapshot_event_entry "
                    + "where aggregate_identifier = ?", Long.class, caseId);
            latest = found == null ? -1 : found;
            Thread.sleep(50);
        }
        return latest;
    }
}
