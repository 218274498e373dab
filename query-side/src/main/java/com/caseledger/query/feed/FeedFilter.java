package com.caseledger.query.feed;

import org.axonframework.eventhandling.DomainEventMessage;

/** Which events of the feed a reader asked for: of one type, of one case, or all. */
record FeedFilter(String type, String caseId) {

    boolean matches(DomainEventMessage<?> event) {
        return (type == null || type.equals(event.getPayloadType().getSimpleName()))
                && (caseId == null || caseId.equals(event.getAggregateIdentifier()));
    }
}
