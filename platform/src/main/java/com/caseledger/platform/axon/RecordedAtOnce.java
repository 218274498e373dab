package com.caseledger.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/** An event as the JDBC store read it, with the instant it was recorded at read from its stored text once. */
final class RecordedAtOnce<T> implements DomainEventData<T> {

    private final DomainEventData<T> stored;
    private final Instant recordedAt;

    RecordedAtOnce(DomainEventData<T> stored, Instant recordedAt) {
        this.stored = stored;
        this.recordedAt = recordedAt;
    }

    @Override
    public String getType() {
        return stored.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return stored.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return stored.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return stored.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return recordedAt;
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return stored.getPayload();
    }
}
