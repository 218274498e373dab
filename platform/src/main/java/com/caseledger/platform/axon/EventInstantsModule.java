package com.caseledger.platform.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads the instants of events as Jackson writes them (ISO-8601 in UTC) by arithmetic ({@link IsoInstants}); any other
 * value goes to Jackson's own reader of instants, with its answer or its error. On the event serializer's mapper only.
 */
public class EventInstantsModule extends SimpleModule {

    public EventInstantsModule() {
        super("CaseLedger event instants");
        addDeserializer(Instant.class, new Reader(InstantDeserializer.INSTANT));
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        private final JsonDeserializer<Instant> jacksons;

        Reader(JsonDeserializer<Instant> jacksons) {
            super(Instant.class);
            this.jacksons = jacksons;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = IsoInstants.parseUtc(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return jacksons.deserialize(parser, context);
        }
    }
}
