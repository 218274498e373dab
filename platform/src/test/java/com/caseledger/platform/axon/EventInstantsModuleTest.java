package com.caseledger.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventInstantsModuleTest {

    record Recorded(Instant occurredAt) {
    }

    private final ObjectMapper jacksons = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper events = jacksons.copy().registerModule(new EventInstantsModule());

    @Test
    void reads_what_jacksons_reader_reads_in_every_shape_jackson_accepts() throws Exception {
        for (String value : new String[]{"\"2026-11-24T04:20:00.123456Z\"", "\"2026-11-24T04:20:00Z\"",
                "\"2026-11-24T05:20:00.5+01:00\"", "1764000000.123456789", "1764000000123"}) {
            String json = "{\"occurredAt\": " + value + "}";

            assertThat(events.readValue(json, Recorded.class)).as(value)
                    .isEqualTo(jacksons.readValue(json, Recorded.class));
        }
    }

    @Test
    void refuses_what_jacksons_reader_refuses() {
        assertThatThrownBy(() -> events.readValue("{\"occurredAt\": \"2023-02-29T00:00:00Z\"}", Recorded.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
