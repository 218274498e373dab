package com.caseledger.query.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** How a folded {@link CaseTimeline} is stored in a jsonb column. */
@Component
public class TimelineJson {

    private final ObjectMapper json;

    public TimelineJson(ObjectMapper json) {
        this.json = json;
    }

    public CaseTimeline read(String timeline) {
        try {
            return json.readValue(timeline, CaseTimeline.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored case timeline is unreadable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case timeline could not be written", e);
        }
    }
}
