package com.caseledger.command.metadata;

import com.caseledger.events.EventMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the actor, correlation id, signed-in user ({@code causedBy}) and importing admin of a command onto its
 * events, and names the command as their cause. Only
 * commands start new messages here: the projections handle events without sending anything, and reading an event's
 * metadata for them would cost a deserialization per event. A future handler that sends commands from events must
 * copy the event's correlation onto them itself.
 */
@Component
public class CausationMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        data.put(EventMetadata.ACTOR, message.getMetaData().getOrDefault(EventMetadata.ACTOR, EventMetadata.ANONYMOUS));
        data.put(EventMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(EventMetadata.CORRELATION_ID, message.getIdentifier()));
        data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
        copy(message, EventMetadata.CAUSED_BY, data);
        copy(message, EventMetadata.IMPORTED_BY, data);
        return data;
    }

    private static void copy(Message<?> command, String key, Map<String, Object> data) {
        Object value = command.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
