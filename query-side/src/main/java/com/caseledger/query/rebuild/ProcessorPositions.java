package com.caseledger.query.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where processors stand, read from the token store, so that every node sharing the database answers alike: a
 * processor's position is the global index its slowest segment has processed up to; the head is the event store's
 * highest global index.
 */
class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;

    ProcessorPositions(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    /** The processor's position; empty while it has no token or any of its segments has processed nothing. */
    OptionalLong position(String processor) {
        List<OptionalLong> positions = jdbc.query(
                "select token, token_type from " + RebuildTables.LIVE + ".token_entry where processor_name = ?",
                (rs, row) -> position(rs.getBytes(1), rs.getString(2)), processor);
        if (positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return positions.stream().mapToLong(OptionalLong::getAsLong).min();
    }

    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null) {
            return OptionalLong.empty();
        }
        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return read == null ? OptionalLong.empty() : read.position();
    }
}
