package com.caseledger.query.rebuild;

import com.caseledger.query.casefold.CaseDeadLetters;
import com.caseledger.query.casefold.CaseFoldProjection;
import com.caseledger.query.caseview.CaseViewVersions;
import com.caseledger.query.config.ProjectionDeadLetters;
import com.caseledger.query.config.ProjectionEventSource;
import com.caseledger.query.config.ProjectionProcessing;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rebuilds the projections beside the live ones while the live ones keep answering. A second processor folds every
 * event from the start of the store into copies of the projections' tables ({@link RebuildTables}), parking failing
 * cases in a dead-letter queue of its own. The copies are built without PostgreSQL's write-ahead log, and written to it
 * in one go once the rebuild has caught up with the store (a crash before that leaves copies that the next rebuild
 * drops). Once it has caught up again, this node stops its live processor
 * for the moment of the switch, and one transaction puts the rebuilt tables and their dead letters in place of the
 * live ones and sets the live processor's token to where the rebuild stands. The live processor then goes on from
 * there. Other nodes' processors lose their claim at the switch and take it again from the new token.
 * <p>
 * One rebuild runs at a time across the nodes that share the database: the node running it holds a PostgreSQL advisory
 * lock, which the database releases if that node dies; a rebuild cut short leaves only copies that the next one drops.
 * Nothing handled by the projections sends commands, so a rebuild has no effect beyond the read side.
 */
@Component
public class ProjectionRebuilds {

    /** The projections' processor, whose tables are rebuilt together since they are all derived from one fold. */
    public static final String PROJECTIONS = ProjectionProcessing.PROCESSOR;
    static final String REBUILD_PROCESSOR = PROJECTIONS + "-rebuild";
    static final String REBUILD_GROUP = CaseFoldProjection.NAME + "-rebuild";
    /** The advisory lock a rebuilding node holds: two keys, "CaseLedger" and "rebuild". */
    private static final int LOCK_CLASS = 0x43534c44;
    private static final int LOCK_OBJECT = 1;
    private static final int SWITCH_ATTEMPTS = 10;
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * How long the switch waits for the live tables' readers and writers before it tries again later: readers that
     * come meanwhile wait behind it, so it is short.
     */
    private static final String SWITCH_WAIT = "2s";
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ObjectProvider<Configuration> axon;
    private final CaseFoldProjection liveProjection;
    private final CaseDeadLetters liveDeadLetters;
    private final CaseViewVersions viewVersions;
    private final ProjectionEventSource eventSource;
    private final TokenStore tokenStore;
    private final TransactionManager axonTransactions;
    private final ConnectionProvider connectionProvider;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final RebuildTables tables;
    private final ProcessorPositions positions;
    private final Clock clock;
    /** Events per transaction of the rebuild's processor: the live one's, as configured. */
    private final int batchSize;
    private final ProgressRate liveRate = new ProgressRate();
    /** The progress of a rebuild another node runs, as this node sees it. */
    private final ProgressRate elsewhereRate = new ProgressRate();
    private volatile Rebuild current;
    private volatile ProjectionStatus.Ended lastEnded;

    public ProjectionRebuilds(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                              ObjectProvider<Configuration> axon, CaseFoldProjection liveProjection,
                              CaseDeadLetters liveDeadLetters, CaseViewVersions viewVersions,
                              ProjectionEventSource eventSource,
                              TokenStore tokenStore, TransactionManager axonTransactions,
                              ConnectionProvider connectionProvider, Serializer serializer,
                              @Qualifier("eventSerializer") Serializer eventSerializer, EventStore eventStore,
                              Clock clock, EventProcessorProperties processors) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.axon = axon;
        this.liveProjection = liveProjection;
        this.liveDeadLetters = liveDeadLetters;
        this.viewVersions = viewVersions;
        this.eventSource = eventSource;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.connectionProvider = connectionProvider;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.tables = new RebuildTables(jdbc);
        this.positions = new ProcessorPositions(jdbc, serializer, eventStore);
        this.clock = clock;
        this.batchSize = processors.getProcessors()
                .getOrDefault(PROJECTIONS, new EventProcessorProperties.ProcessorSettings()).getBatchSize();
    }

    /** Whether the name is a projection's, or {@code all}. */
    public static boolean names(String name) {
        return PROJECTIONS.equals(name) || "all".equals(name);
    }

    /**
     * Starts a rebuild of the projections unless one runs on this node already; refused when another node runs one.
     */
    public synchronized void start() {
        if (current != null) {
            return;
        }
        Connection lock = lock().orElseThrow(RebuildElsewhere::new);
        try {
            transaction.executeWithoutResult(status -> {
                tables.prepare();
                jdbc.update("delete from " + RebuildTables.LIVE + ".token_entry where processor_name = ?",
                        REBUILD_PROCESSOR);
                jdbc.update("delete from " + RebuildTables.LIVE + ".dead_letter_entry where processing_group = ?",
                        REBUILD_GROUP);
            });
            Rebuild rebuild = new Rebuild(lock, processor(), clock.instant());
            current = rebuild;
            rebuild.processor.start();
            Thread watcher = new Thread(() -> watch(rebuild), "projection-rebuild");
            watcher.setDaemon(true);
            watcher.start();
            log.info("Rebuilding the projections beside the live ones");
        } catch (RuntimeException failed) {
            current = null;
            release(lock);
            throw failed;
        }
    }

    /** Where each projection stands, and a rebuild's progress. */
    public List<ProjectionStatus> statuses() {
        long head = positions.head();
        OptionalLong live = positions.position(PROJECTIONS);
        Rebuild rebuild = current;
        if (rebuild != null || rebuildingElsewhere()) {
            long done = positions.position(REBUILD_PROCESSOR).orElse(-1);
            ProgressRate rate = rebuild == null ? elsewhereRate : rebuild.rate;
            return List.of(new ProjectionStatus(PROJECTIONS, ProjectionStatus.REBUILDING, live, head,
                    rate.progress(done, head), lastEnded));
        }
        return List.of(new ProjectionStatus(PROJECTIONS, ProjectionStatus.LIVE, live, head,
                liveRate.progress(live.orElse(-1), head), lastEnded));
    }

    private void watch(Rebuild rebuild) {
        int attempts = 0;
        try {
            while (!rebuild.stopped) {
                Thread.sleep(POLL.toMillis());
                if (!caughtUp(rebuild.processor)) {
                    continue;
                }
                attempts++;
                try {
                    switchOver(rebuild);
                    end(rebuild, null);
                    return;
                } catch (RuntimeException failed) {
                    log.warn("The switch to the rebuilt projections failed (attempt {} of {})", attempts,
                            SWITCH_ATTEMPTS, failed);
                    if (attempts >= SWITCH_ATTEMPTS) {
                        transaction.executeWithoutResult(status -> abandon());
                        end(rebuild, failed);
                        return;
                    }
                    rebuild.processor.start();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            log.error("The rebuild of the projections failed", failed);
            end(rebuild, failed);
        }
    }

    /** Whether the processor has processed every event that the store held a moment ago. */
    private boolean caughtUp(StreamingEventProcessor processor) {
        long head = positions.head();
        var status = processor.processingStatus();
        if (status.isEmpty() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return false;
        }
        return status.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
    }

    /**
     * Stops this node's live processor and the rebuild's, puts the rebuilt tables, dead letters and position in
     * place in one transaction, and starts the live processor again, from the rebuild's position.
     */
    private void switchOver(Rebuild rebuild) {
        StreamingEventProcessor live = liveProcessor();
        live.shutDown();
        try {
            rebuild.processor.shutDown();
            transaction.executeWithoutResult(status -> {
                tables.switchOver(SWITCH_WAIT);
                int moved = jdbc.update("""
                        update projections.token_entry live set token = rebuilt.token, token_type = rebuilt.token_type,
                            owner = null
                        from projections.token_entry rebuilt
                        where live.processor_name = ? and rebuilt.processor_name = ?""",
                        PROJECTIONS, REBUILD_PROCESSOR);
                if (moved == 0) {
                    throw new IllegalStateException("The live projections' processor has no token to set");
                }
                jdbc.update("delete from projections.token_entry where processor_name = ?", REBUILD_PROCESSOR);
                jdbc.update("delete from projections.dead_letter_entry where processing_group = ?",
                        CaseFoldProjection.NAME);
                jdbc.update("update projections.dead_letter_entry set processing_group = ? "
                        + "where processing_group = ?", CaseFoldProjection.NAME, REBUILD_GROUP);
            });
            liveDeadLetters.reload();
            viewVersions.replacedAll();
        } finally {
            live.start();
        }
        log.info("Switched to the rebuilt projections");
    }

    private void abandon() {
        tables.discard();
        jdbc.update("delete from projections.token_entry where processor_name = ?", REBUILD_PROCESSOR);
        jdbc.update("delete from projections.dead_letter_entry where processing_group = ?", REBUILD_GROUP);
    }

    private synchronized void end(Rebuild rebuild, Throwable failure) {
        rebuild.stopped = true;
        rebuild.processor.shutDown();
        release(rebuild.lock);
        lastEnded = new ProjectionStatus.Ended(rebuild.startedAt, clock.instant(),
                failure == null ? ProjectionStatus.Ended.SWITCHED : ProjectionStatus.Ended.FAILED,
                failure == null ? null : String.valueOf(failure.getMessage()));
        current = null;
    }

    /** Stops a rebuild under way when the node stops; the next rebuild starts over. */
    @PreDestroy
    public void stop() {
        Rebuild rebuild = current;
        if (rebuild != null) {
            rebuild.stopped = true;
            rebuild.processor.shutDown();
            release(rebuild.lock);
            current = null;
        }
    }

    private StreamingEventProcessor liveProcessor() {
        return axon.getObject().eventProcessingConfiguration()
                .eventProcessor(PROJECTIONS, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + PROJECTIONS + " runs on this node"));
    }

    private TrackingEventProcessor processor() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = ProjectionDeadLetters.queue(REBUILD_GROUP,
                connectionProvider, axonTransactions, serializer, eventSerializer);
        CaseFoldProjection projection = liveProjection.rebuiltIn(RebuildTables.REBUILD,
                new CaseDeadLetters(queue, axon, jdbc));
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(REBUILD_PROCESSOR)
                .eventHandlerInvoker(DeadLetteringEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        .queue(queue)
                        .transactionManager(axonTransactions)
                        .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                        .enableSequenceIdentifierCache()
                        .build())
                .messageSource(eventSource)
                .tokenStore(tokenStore)
                .transactionManager(axonTransactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        processor.registerHandlerInterceptor(ProjectionProcessing.asynchronousCommit(jdbc));
        return processor;
    }

    private Optional<Connection> lock() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setInt(2, LOCK_OBJECT);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return Optional.of(connection);
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the rebuild's lock", e);
        }
    }

    private static void release(Connection lock) {
        try (lock; PreparedStatement statement = lock.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_OBJECT);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the rebuild's lock; closing its connection releases it", e);
        }
    }

    private boolean rebuildingElsewhere() {
        Boolean held = jdbc.queryForObject("""
                select exists (select from pg_locks where locktype = 'advisory' and granted
                                                       and classid = ? and objid = ? and objsubid = 2)""",
                Boolean.class, LOCK_CLASS, LOCK_OBJECT);
        return Boolean.TRUE.equals(held);
    }

    /** A rebuild under way on this node. */
    private static final class Rebuild {
        private final Connection lock;
        private final TrackingEventProcessor processor;
        private final Instant startedAt;
        private final ProgressRate rate = new ProgressRate();
        private volatile boolean stopped;
        /** Whether the rebuilt tables are written to PostgreSQL's log yet (they are built without it). */

        private Rebuild(Connection lock, TrackingEventProcessor processor, Instant startedAt) {
            this.lock = lock;
            this.processor = processor;
            this.startedAt = startedAt;
        }
    }

    /** Another node holds the rebuild's lock. */
    public static final class RebuildElsewhere extends RuntimeException {
        RebuildElsewhere() {
            super("A rebuild of the projections is under way on another node; its progress is shown there and here.");
        }
    }
}
