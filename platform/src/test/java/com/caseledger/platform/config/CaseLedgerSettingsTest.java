package com.caseledger.platform.config;

import com.caseledger.platform.axon.EventStoreSettings;
import com.caseledger.platform.database.EmbeddedPostgresSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** CaseLedger's settings start from their documented defaults, and a wrong value stops the start naming it. */
class CaseLedgerSettingsTest {

    private final ApplicationContextRunner node = new ApplicationContextRunner().withUserConfiguration(CaseLedgerSettings.class);

    @Test
    void a_node_without_settings_takes_the_documented_defaults() {
        node.run(context -> {
            EventStoreSettings eventStore = context.getBean(EventStoreSettings.class);
            EmbeddedPostgresSettings embedded = context.getBean(EmbeddedPostgresSettings.class);

            assertThat(eventStore.batchSize()).isEqualTo(1000);
            assertThat(eventStore.fetchDelay()).isEqualTo(Duration.ofMillis(50));
            assertThat(embedded.dataDir().normalize()).isEqualTo(Path.of("data"));
            assertThat(embedded.embeddedPostgres().port()).isZero();
            assertThat(embedded.embeddedPostgres().poolSize()).isEqualTo(48);
        });
    }

    @Test
    void a_setting_given_overrides_its_default() {
        node.withPropertyValues("caseledger.event-store.fetch-delay=200ms", "caseledger.embedded-postgres.port=15432")
                .run(context -> {
                    assertThat(context.getBean(EventStoreSettings.class).fetchDelay()).isEqualTo(Duration.ofMillis(200));
                    assertThat(context.getBean(EmbeddedPostgresSettings.class).embeddedPostgres().port()).isEqualTo(15432);
                });
    }

    @Test
    void a_value_outside_its_limits_stops_the_start_and_names_the_setting() {
        node.withPropertyValues("caseledger.event-store.batch-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("caseledger.event-store");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("batchSize");
        });
    }

    @Test
    void a_value_of_the_wrong_type_stops_the_start() {
        node.withPropertyValues("caseledger.embedded-postgres.pool-size=many").run(context ->
                assertThat(context).hasFailed());
    }
}
