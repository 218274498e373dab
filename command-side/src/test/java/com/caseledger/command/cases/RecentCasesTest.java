package com.caseledger.command.cases;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentCasesTest {

    @Test
    void a_case_stays_in_memory_across_a_garbage_collection() {
        RecentCases cases = new RecentCases(10);
        cases.put("case-1", new StringBuilder("the case as stored"));

        System.gc();

        assertThat(cases.<String, StringBuilder>get("case-1")).hasToString("the case as stored");
    }

    @Test
    void beyond_its_size_cases_leave() {
        RecentCases cases = new RecentCases(Caffeine.newBuilder().maximumSize(3).executor(Runnable::run));

        IntStream.range(0, 10).forEach(i -> cases.put("case-" + i, "state " + i));

        assertThat(IntStream.range(0, 10).filter(i -> cases.containsKey("case-" + i))).hasSize(3);
    }

    @Test
    void a_case_dropped_after_a_rollback_is_read_again() {
        RecentCases cases = new RecentCases(10);
        cases.put("case-1", "version 3");

        assertThat(cases.remove("case-1")).isTrue();
        assertThat(cases.remove("case-1")).isFalse();
        assertThat(cases.<String, String>get("case-1")).isNull();
        assertThat(cases.computeIfAbsent("case-1", () -> "version 3, read again")).isEqualTo("version 3, read again");
    }

    @Test
    void put_if_absent_and_compute_if_present_leave_other_cases_alone() {
        RecentCases cases = new RecentCases(10);

        assertThat(cases.putIfAbsent("case-1", "first")).isTrue();
        assertThat(cases.putIfAbsent("case-1", "second")).isFalse();
        cases.computeIfPresent("case-1", (UnaryOperator<String>) state -> state + ", updated");
        cases.computeIfPresent("case-2", (UnaryOperator<String>) state -> "never");

        assertThat(cases.<String, String>get("case-1")).isEqualTo("first, updated");
        assertThat(cases.containsKey("case-2")).isFalse();
        cases.removeAll();
        assertThat(cases.containsKey("case-1")).isFalse();
    }

    @Test
    void a_listener_is_refused_as_it_registers() {
        assertThatThrownBy(() -> new RecentCases(10).registerCacheEntryListener(new Cache.EntryListenerAdapter()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
