package com.caseledger.query.casefold;

import com.caseledger.events.Money;
import com.caseledger.platform.database.StorableText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * JSON as the read side stores it (text PostgreSQL can store in a jsonb column): lists of amounts, and the case folds
 * of revision 1, stored as JSON before {@link TimelineFormat}.
 */
@Component
public class TimelineJson {

    private static final TypeReference<List<Money>> MONEY_LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final ObjectReader timelines;
    private final ObjectWriter storable;

    public TimelineJson(ObjectMapper json) {
        this.json = json;
        // a field this fold does not know means the stored format changed without its revision: fail, never drop it
        this.timelines = json.readerFor(CaseTimeline.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.storable = json.writer().with(StorableText.jsonEscapes());
    }

    CaseTimeline read(byte[] timeline) {
        try {
            return timelines.readValue(timeline);
        } catch (IOException e) {
            throw new IllegalStateException("A stored case timeline is unreadable", e);
        }
    }

    /** A stored list of amounts, such as a case's issued refunds. */
    public List<Money> readMoney(String amounts) {
        try {
            return json.readValue(amounts, MONEY_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored amounts are unreadable", e);
        }
    }

    public String write(Object value) {
        try {
            return StorableText.of(storable.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A value could not be written as JSON", e);
        }
    }
}
