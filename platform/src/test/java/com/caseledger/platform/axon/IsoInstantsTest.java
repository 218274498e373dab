package com.caseledger.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {

    @Test
    void reads_every_instant_as_the_jdk_writes_it_to_the_instant_the_jdk_reads() {
        SplittableRandom random = new SplittableRandom(11);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            ChronoUnit precision = new ChronoUnit[]{ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
                    ChronoUnit.NANOS}[random.nextInt(4)];
            String written = instant.truncatedTo(precision).toString();

            assertThat(IsoInstants.parseUtc(written)).as(written).isEqualTo(Instant.parse(written));
        }
    }

    @Test
    void reads_any_number_of_fraction_digits_and_the_edges_of_days_months_and_leap_years() {
        for (String written : new String[]{"2024-02-29T23:59:59.9Z", "2023-12-31T00:00:00.12Z",
                "2000-02-29T12:00:00.0001Z", "1970-01-01T00:00:00Z", "2026-11-24T04:20:00.12345678Z",
                "1969-12-31T23:59:59.999999999Z"}) {
            assertThat(IsoInstants.parseUtc(written)).as(written).isEqualTo(Instant.parse(written));
        }
    }

    @Test
    void answers_null_for_any_other_shape_and_for_what_names_no_instant() {
        for (String other : new String[]{"2026-11-24T05:20:00+01:00", "2026-11-24T04:20:00.123z",
                "2026-11-24T04:20:00.Z", "2026-11-24T04:20:00.1234567890Z", "2026-11-24 04:20:00Z", "+12026-11-24T04:20:00Z",
                "2026-11-24T04:20Z", "2023-02-29T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T04:60:00Z",
                "2026-11-24T23:59:60Z", "2026-13-24T04:20:00Z", "2026-11-2xT04:20:00Z", "2026-11-24T04:20:00.1x3Z", ""}) {
            assertThat(IsoInstants.parseUtc(other)).as(other).isNull();
        }
    }
}
