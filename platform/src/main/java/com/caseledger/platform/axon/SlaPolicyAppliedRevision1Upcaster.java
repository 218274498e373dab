package com.caseledger.platform.axon;

import com.caseledger.events.SlaPolicyApplied;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a {@link SlaPolicyApplied} of revision 1 as revision 2. Revision 1 was recorded before a policy could
 * escalate a case on a breach, so none of those cases was to be escalated: the payload gains
 * {@code "escalateOnBreach": false} and keeps every other field exactly as it was stored.
 */
public class SlaPolicyAppliedRevision1Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(SlaPolicyApplied.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        SerializedType type = event.getType();
        return SlaPolicyApplied.class.getName().equals(type.getName()) && "1".equals(type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, SlaPolicyAppliedRevision1Upcaster::notEscalatingOnBreach);
    }

    private static JsonNode notEscalatingOnBreach(JsonNode revision1) {
        ObjectNode revision2 = ((ObjectNode) revision1).deepCopy();
        revision2.put("escalateOnBreach", false);
        return revision2;
    }
}
