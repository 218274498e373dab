package com.caseledger.platform.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain as the store's trigger computes it and as {@link EventChain} recomputes it, on a PostgreSQL of its own:
 * events recorded before the chain existed are chained by its migration, later ones by the trigger, and the two
 * agree; a tampered byte is found and named.
 */
class EventChainTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static String recordedBeforeTheChain;

    @BeforeAll
    static void storeWithEventsRecordedBeforeTheChain() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource store = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(store);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(store));
        migrations(store).target("3").load().migrate();
        recordedBeforeTheChain = "case-" + UUID.randomUUID();
        for (int sequence = 0; sequence < 3; sequence++) {
            record(recordedBeforeTheChain, sequence, "{\"n\":" + sequence + "}");
        }
        migrations(store).load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration migrations(DataSource store) {
        return Flyway.configure().dataSource(store).schemas("eventstore").createSchemas(true)
                .table("flyway_history").locations("classpath:db/eventstore");
    }

    @Test
    void the_migration_chains_the_events_recorded_before_it_as_the_verifier_recomputes_them() {
        ChainVerification chain = verify(recordedBeforeTheChain);

        assertThat(chain.valid()).as(String.valueOf(chain.firstBrokenLink())).isTrue();
        assertThat(chain.events()).isEqualTo(3);
        assertThat(chain.validUpTo()).isEqualTo(2);
    }

    @Test
    void the_trigger_hashes_each_new_event_as_the_verifier_does_including_missing_values() {
        String caseId = "case-" + UUID.randomUUID();
        record(caseId, 0, "{\"opened\":true}");
        jdbc.update("insert into eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "values (?, 1, null, ?, null, ?, null, 'Ünïcode', '2026-01-05T09:00:00Z')",
                caseId, UUID.randomUUID().toString(), new byte[0]);

        List<StoredEvent> events = stored(caseId);
        assertThat(events.get(1).chainHash()).isEqualTo(EventChain.hash(events.get(1), events.get(0).chainHash()));
        assertThat(events.get(0).chainHash()).isEqualTo(EventChain.hash(events.get(0), null));
        assertThat(verify(caseId).valid()).isTrue();
    }

    @Test
    void a_byte_changed_behind_the_triggers_back_is_named_as_the_first_broken_link() {
        String caseId = "case-" + UUID.randomUUID();
        for (int sequence = 0; sequence < 4; sequence++) {
            record(caseId, sequence, "{\"n\":" + sequence + "}");
        }
        tamper("update eventstore.domain_event_entry set payload = convert_to('{\"n\":7}', 'UTF8') "
                + "where aggregate_identifier = '" + caseId + "' and sequence_number = 2");

        ChainVerification chain = verify(caseId);

        assertThat(chain.valid()).isFalse();
        assertThat(chain.validUpTo()).isEqualTo(1);
        assertThat(chain.events()).isEqualTo(4);
        assertThat(chain.firstBrokenLink().sequence()).isEqualTo(2);
        assertThat(chain.firstBrokenLink().reason()).isEqualTo(BrokenLink.HASH_MISMATCH);
        assertThat(chain.firstBrokenLink().expectedHash()).isNotEqualTo(chain.firstBrokenLink().storedHash()).hasSize(64);
    }

    @Test
    void a_removed_event_is_a_sequence_gap_and_a_removed_hash_is_missing() {
        String gap = "case-" + UUID.randomUUID();
        String unhashed = "case-" + UUID.randomUUID();
        for (int sequence = 0; sequence < 3; sequence++) {
            record(gap, sequence, "{}");
            record(unhashed, sequence, "{}");
        }
        tamper("delete from eventstore.domain_event_entry where aggregate_identifier = '" + gap + "' and sequence_number = 1");
        tamper("update eventstore.domain_event_entry set chain_hash = null where aggregate_identifier = '" + unhashed
                + "' and sequence_number = 0");

        assertThat(verify(gap).firstBrokenLink().reason()).isEqualTo(BrokenLink.SEQUENCE_GAP);
        assertThat(verify(gap).firstBrokenLink().sequence()).isEqualTo(2);
        assertThat(verify(unhashed).firstBrokenLink().reason()).isEqualTo(BrokenLink.MISSING_HASH);
        assertThat(verify(unhashed).firstBrokenLink().sequence()).isZero();
    }

    @Test
    void sealing_a_payload_chains_the_following_events_again_and_nothing_else_may_rewrite() {
        String caseId = "case-" + UUID.randomUUID();
        for (int sequence = 0; sequence < 3; sequence++) {
            record(caseId, sequence, "{\"text\":\"in clear " + sequence + "\"}");
        }
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local caseledger.sealing_personal_text = 'on'");
            jdbc.update("update eventstore.domain_event_entry set payload = convert_to('{\"text\":\"pd1:k:sealed\"}', "
                    + "'UTF8') where aggregate_identifier = ? and sequence_number = 0", caseId);
        });

        assertThat(verify(caseId).valid()).as(String.valueOf(verify(caseId).firstBrokenLink())).isTrue();
        assertThatThrownBy(() -> jdbc.update("update eventstore.domain_event_entry set chain_hash = null "
                + "where aggregate_identifier = ?", caseId)).hasMessageContaining("append-only");
    }

    @Test
    void the_command_line_walk_sums_up_every_case_and_exits_1_on_a_break() throws SQLException {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        String caseId = "case-" + UUID.randomUUID();
        record(caseId, 0, "{}");
        record(caseId, 1, "{}");
        tamper("delete from eventstore.domain_event_entry where aggregate_identifier = '" + caseId + "' and sequence_number = 0");

        int exit = VerifyEventStore.verify(postgres.getPostgresDatabase(), new PrintStream(summary, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(summary.toString(StandardCharsets.UTF_8))
                .contains("case " + caseId + " breaks at sequence 1 (event ").contains(BrokenLink.SEQUENCE_GAP);
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("\r[").contains("(100%)");
    }

    private static void record(String caseId, long sequence, String payload) {
        jdbc.update("insert into eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, 'SupportCase', ?, ?, ?, '1', 'com.caseledger.events.Noted', ?)",
                caseId, sequence, UUID.randomUUID().toString(), "{\"actor\":\"li.wei\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), "2026-01-05T09:00:0" + sequence + "Z");
    }

    /** A change made behind the store's triggers' back, as someone with the database's files or superuser could. */
    private static void tamper(String sql) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.execute(sql);
        });
    }

    private static List<StoredEvent> stored(String caseId) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from eventstore.domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", (row, n) -> StoredEvent.read(row), caseId);
    }

    private static ChainVerification verify(String caseId) {
        return new EventChainVerifier(jdbc).verify(caseId).orElseThrow();
    }
}
