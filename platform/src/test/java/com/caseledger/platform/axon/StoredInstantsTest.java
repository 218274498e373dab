package com.caseledger.platform.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredInstantsTest {

    @Test
    void reads_every_instant_as_axon_wrote_it_to_the_same_instant_as_axons_parser() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));

            assertThat(StoredInstants.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void reads_the_edges_of_days_months_and_leap_years() {
        for (String stored : new String[]{"2024-02-29T23:59:59.999Z", "2023-12-31T00:00:00.000Z",
                "2000-02-29T12:00:00.001Z", "1970-01-01T00:00:00.000Z", "2026-11-24T04:20:00.120Z"}) {
            assertThat(StoredInstants.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void leaves_any_other_text_to_axons_parser() {
        Instant recorded = Instant.parse("2026-11-24T04:20:00.123456789Z");

        assertThat(StoredInstants.parse("2026-11-24T04:20:00.123456789Z")).isEqualTo(recorded);
        assertThat(StoredInstants.parse("2026-11-24T05:20:00.123456789+01:00")).isEqualTo(recorded);
        assertThat(StoredInstants.parse("2026-11-24T04:20:00.123z")).isEqualTo(recorded.truncatedTo(ChronoUnit.MILLIS));
        for (String invalid : new String[]{"2023-02-29T00:00:00.000Z", "2026-11-24T24:00:00.000Z",
                "2026-11-24T04:60:00.000Z", "2026-13-24T04:20:00.000Z", "2026-11-2xT04:20:00.000Z"}) {
            assertThatThrownBy(() -> StoredInstants.parse(invalid)).as(invalid)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
