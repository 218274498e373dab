package com.caseledger.platform.axon;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void a_unique_violation_deep_in_the_causes_is_a_duplicate_key() {
        Exception failure = new RuntimeException("append failed", new IllegalStateException(
                new SQLException("duplicate key value violates unique constraint", "23505")));

        assertThat(resolver.isDuplicateKeyViolation(failure)).isTrue();
    }

    @Test
    void another_sql_failure_is_not_a_duplicate_key() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no cause"))).isFalse();
    }
}
