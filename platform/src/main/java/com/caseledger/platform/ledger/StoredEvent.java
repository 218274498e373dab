package com.caseledger.platform.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/** An event's row as the event store holds it, with the hash that chains it to the previous event of its stream. */
public record StoredEvent(String streamId, long sequence, String aggregateType, String eventId, String payloadType,
                          String payloadRevision, byte[] payload, byte[] metaData, String timeStamp, byte[] chainHash) {

    /** The columns {@link #read(ResultSet)} takes, in its order. */
    static final String COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, payload_type, "
            + "payload_revision, payload, meta_data, time_stamp, chain_hash";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getBytes(7), row.getBytes(8), row.getString(9), row.getBytes(10));
    }
}
