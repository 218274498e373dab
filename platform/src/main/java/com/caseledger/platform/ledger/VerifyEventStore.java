package com.caseledger.platform.ledger;

import com.caseledger.platform.database.LedgerFolderLock;
import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/**
 * The command-line verify: walks every stream of the event store, each in sequence order, recomputes its chain with a
 * progress bar on stderr, prints a summary and exits 1 on any broken link (0 when every chain holds, 2 when it could
 * not look). It reads a PostgreSQL given by JDBC URL, or the embedded default's data folder while no node runs on it.
 */
public final class VerifyEventStore {

    private static final String USAGE = """
            usage: VerifyEventStore JDBC_URL USER [PASSWORD]   (the password may instead be in PGPASSWORD)
                   VerifyEventStore --data-dir FOLDER          (the embedded default's folder, no node running on it)""";
    private static final int BAR_WIDTH = 40;
    private static final int FETCH_SIZE = 1000;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;

    private VerifyEventStore() {
    }

    public static void main(String[] args) {
        try {
            System.exit(args.length == 2 && args[0].equals("--data-dir") ? verifyFolder(Path.of(args[1]))
                    : args.length == 2 || args.length == 3 ? verify(new SimpleDriverDataSource(new org.postgresql.Driver(),
                    args[0], args[1], args.length == 3 ? args[2] : System.getenv("PGPASSWORD")), System.out, System.err)
                    : usage());
        } catch (Exception couldNotLook) {
            System.err.println("verify could not read the event store: " + couldNotLook.getMessage());
            System.exit(2);
        }
    }

    private static int usage() {
        System.err.println(USAGE);
        return 2;
    }

    private static int verifyFolder(Path dataDir) throws Exception {
        // the embedded server's start and stop lines would break the progress bar on stderr
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        try (LedgerFolderLock folder = LedgerFolderLock.acquire(dataDir);
             EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                     .setDataDirectory(folder.folder().resolve("postgres"))
                     .setCleanDataDirectory(false)
                     .start()) {
            return verify(postgres.getPostgresDatabase(), System.out, System.err);
        }
    }

    /** Verifies every stream; answers the exit code. */
    public static int verify(DataSource store, PrintStream summary, PrintStream progress) throws SQLException {
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams a result in pages only inside a transaction
            connection.setReadOnly(true);
            long total = count(connection);
            Walk walk = new Walk(total, progress);
            try (PreparedStatement events = connection.prepareStatement("select " + StoredEvent.COLUMNS + " from "
                    + SCHEMA + ".domain_event_entry order by aggregate_identifier, sequence_number")) {
                events.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        walk.check(StoredEvent.read(rows));
                    }
                }
            }
            connection.rollback();
            walk.finish();
            return walk.report(summary);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from " + SCHEMA + ".domain_event_entry");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The walk through the store: the stream at hand, what came before, and the bar. */
    private static final class Walk {

        private final long total;
        private final PrintStream progress;
        private final List<ChainVerification> broken = new ArrayList<>();
        private EventChain chain;
        private String streamId;
        private long streams;
        private long checked;
        private long drawnAt;

        Walk(long total, PrintStream progress) {
            this.total = total;
            this.progress = progress;
        }

        void check(StoredEvent event) {
            if (!event.streamId().equals(streamId)) {
                endStream();
                streamId = event.streamId();
                chain = new EventChain(streamId);
                streams++;
            }
            chain.check(event);
            checked++;
            if (System.nanoTime() - drawnAt > REDRAW_EVERY_NANOS) {
                draw();
            }
        }

        void finish() {
            endStream();
            draw();
            progress.println();
        }

        private void endStream() {
            if (chain != null && !chain.result().valid()) {
                broken.add(chain.result());
            }
        }

        private void draw() {
            drawnAt = System.nanoTime();
            long of = Math.max(total, checked); // events recorded while it walks may be counted too
            int percent = of == 0 ? 100 : (int) (checked * 100 / of);
            int filled = percent * BAR_WIDTH / 100;
            progress.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + checked + "/" + of
                    + " events (" + percent + "%)");
            progress.flush();
        }

        int report(PrintStream summary) {
            summary.println("Checked " + checked + " events in " + streams + " cases: " + (broken.isEmpty()
                    ? "every chain is valid." : broken.size() + (broken.size() == 1 ? " broken chain." : " broken chains.")));
            for (ChainVerification stream : broken) {
                BrokenLink link = stream.firstBrokenLink();
                summary.println("  case " + stream.streamId() + " breaks at sequence " + link.sequence() + " (event "
                        + link.eventId() + "): " + link.reason());
            }
            return broken.isEmpty() ? 0 : 1;
        }
    }
}
