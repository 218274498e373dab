package com.caseledger.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC storage engine, reading the instant each event was recorded at from its stored text once and by
 * {@link StoredInstants}: Axon's own entries parse that text again every time the instant is asked for.
 */
final class CaseLedgerStorageEngine extends JdbcEventStorageEngine {

    private final String timestampColumn;

    CaseLedgerStorageEngine(Builder builder, EventSchema schema) {
        super(builder);
        this.timestampColumn = schema.timestampColumn();
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        if (!(read instanceof DomainEventData<?> event)) {
            return read;
        }
        return new TrackedDomainEventData<>(read.trackingToken(), recordedAtOnce(event, resultSet));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return recordedAtOnce(super.getDomainEventData(resultSet), resultSet);
    }

    private <T> DomainEventData<T> recordedAtOnce(DomainEventData<T> event, ResultSet resultSet) throws SQLException {
        return new RecordedAtOnce<>(event, StoredInstants.parse(resultSet.getString(timestampColumn)));
    }
}
