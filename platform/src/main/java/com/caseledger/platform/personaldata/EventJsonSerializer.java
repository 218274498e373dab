package com.caseledger.platform.personaldata;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering the classes it has found for the names events are stored under. Axon's own
 * looks each event's payload and metadata class up in the class loader again; in the packaged application that look-up
 * cost the store's bulk readers (rebuilds, the export) more than reading the event's row.
 */
final class EventJsonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> found = new ConcurrentHashMap<>();

    EventJsonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = found.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (!UnknownSerializedType.class.equals(resolved)) {
            found.put(type.getName(), resolved);
        }
        return resolved;
    }
}
