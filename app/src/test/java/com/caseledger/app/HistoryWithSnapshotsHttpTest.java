package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor's history is every recorded event, whatever snapshots the command side has taken of the case. */
class HistoryWithSnapshotsHttpTest extends CaseLedgerHttpTest {

    private static final int NOTES = 250;

    @Autowired
    JdbcTemplate jdbc;

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
        // the store keeps a case's latest snapshot only: one at 200 or later means at least two were taken
        assertThat(awaitSnapshotAt(caseId, 199)).as("sequence of the latest snapshot").isGreaterThanOrEqualTo(199);

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
