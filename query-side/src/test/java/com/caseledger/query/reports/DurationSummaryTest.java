package com.caseledger.query.reports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DurationSummaryTest {

    @Test
    void percentiles_are_nearest_rank_and_the_mean_is_rounded_half_up() {
        // values 10, 20, 30, 40: mean 100/4 = 25; median rank ceil(0.5*4) = 2 -> 20; p90 rank ceil(0.9*4) = 4 -> 40
        assertThat(DurationSummary.of(List.of(40L, 10L, 30L, 20L))).isEqualTo(new DurationSummary(4, 25L, 20L, 40L));
    }

    @Test
    void p90_of_ten_values_is_the_ninth() {
        // ranks: ceil(0.9*10) = 9 -> 9th smallest = 90; median ceil(0.5*10) = 5 -> 50; mean 550/10 = 55
        List<Long> values = List.of(100L, 90L, 80L, 70L, 60L, 50L, 40L, 30L, 20L, 10L);
        assertThat(DurationSummary.of(values)).isEqualTo(new DurationSummary(10, 55L, 50L, 90L));
    }

    @Test
    void a_mean_with_a_half_second_rounds_up() {
        // (1 + 2) / 2 = 1.5 -> 2
        assertThat(DurationSummary.of(List.of(1L, 2L)).meanSeconds()).isEqualTo(2L);
    }

    @Test
    void no_values_give_a_count_of_zero_and_no_figures() {
        assertThat(DurationSummary.of(List.of())).isEqualTo(new DurationSummary(0, null, null, null));
    }
}
