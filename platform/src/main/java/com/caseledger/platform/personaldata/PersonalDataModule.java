package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;

/**
 * Seals every {@link PersonalData} text of an event with its customer's current key when the event is written, and
 * opens it when the event is read: a destroyed key reads as {@link PersonalData#ERASED}, a text recorded in clear as
 * it is. Registered on the event serializer's mapper only; the HTTP API never sees a sealed text.
 */
public class PersonalDataModule extends SimpleModule {

    private final PersonalDataKeys keys;

    public PersonalDataModule(PersonalDataKeys keys) {
        super("CaseLedger personal data");
        this.keys = keys;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new PersonalDataFields(keys));
    }

    /** Gives the fields marked {@link PersonalData} their sealing serializer and opening deserializer. */
    private static final class PersonalDataFields extends NopAnnotationIntrospector {

        private final Sealing sealing;
        private final Opening opening;

        PersonalDataFields(PersonalDataKeys keys) {
            this.sealing = new Sealing(keys);
            this.opening = new Opening(keys);
        }

        @Override
        public Object findSerializer(Annotated member) {
            return member.hasAnnotation(PersonalData.class) ? sealing : null;
        }

        @Override
        public Object findDeserializer(Annotated member) {
            return member.hasAnnotation(PersonalData.class) ? opening : null;
        }
    }

    private static final class Sealing extends StdScalarSerializer<String> {

        private final transient PersonalDataKeys keys;

        Sealing(PersonalDataKeys keys) {
            super(String.class);
            this.keys = keys;
        }

        @Override
        public void serialize(String text, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!(generator.currentValue() instanceof CaseEvent event)) {
                throw new IllegalStateException("Personal data is sealed with the key of a case's customer; "
                        + generator.currentValue() + " is no case event");
            }
            generator.writeString(SealedText.seal(keys.currentKeyFor(event), text));
        }
    }

    private static final class Opening extends StdScalarDeserializer<String> {

        private final transient PersonalDataKeys keys;

        Opening(PersonalDataKeys keys) {
            super(String.class);
            this.keys = keys;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String stored = parser.getValueAsString();
            if (stored == null) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return SealedText.read(stored, keys);
        }
    }
}
