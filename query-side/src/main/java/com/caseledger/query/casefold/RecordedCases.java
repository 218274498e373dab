package com.caseledger.query.casefold;

import com.caseledger.events.CaseEvent;
import com.caseledger.platform.personaldata.PersonalDataKeys;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.function.Consumer;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/**
 * The cases as the events recorded up to an instant fold them, read straight from the event store, one case after
 * another: a case's events are folded into a fresh {@link CaseTimeline}, handed over and dropped, and the store is
 * read {@link #FETCH_SIZE} rows at a time, so memory holds about that many events whatever the store's size. The cut is
 * the store's recording time, not the time the events say they happened: an import recorded after the instant is not
 * in it. Events are read as the storage engine reads them, through the upcasters and the serializer that opens
 * sealed texts; the projections are not touched.
 * <p>
 * The cases are read in {@link #PARTS} ranges of case ids at once, each by a thread and a connection of its own, in
 * the order of the store's unique index on (case, sequence): PostgreSQL streams the rows as it finds them instead of
 * sorting the whole store before the first row.
 */
@Component
public class RecordedCases {

    static final int FETCH_SIZE = 500;
    /** Case ids (UUIDs, as the API gives them out) below and from {@code 8}: two ranges of about the same size. */
    private static final List<String> PARTS = List.of("aggregate_identifier < '8'", "aggregate_identifier >= '8'");

    /**
     * Recording times are ISO-8601 text of varying precision, which sorts by time only to the second: the query reads
     * every event recorded before the second after the instant, and the exact cut is made on the parsed time.
     */
    private static final String RECORDED_BEFORE = """
            select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                   payload_revision, payload, meta_data
            from %s.domain_event_entry
            where time_stamp < ? and %s
            order by aggregate_identifier, sequence_number""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Serializer serializer;
    private final Configuration axon;
    private final PersonalDataKeys keys;
    private final ExecutorService readers = Executors.newFixedThreadPool(PARTS.size() - 1, runnable -> {
        Thread thread = new Thread(runnable, "recorded-cases");
        thread.setDaemon(true);
        return thread;
    });

    public RecordedCases(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                         @Qualifier("eventSerializer") Serializer serializer, Configuration axon,
                         PersonalDataKeys keys) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.serializer = serializer;
        this.axon = axon;
        this.keys = keys;
    }

    /**
     * Hands over each case opened by the events recorded at or before the instant, folded from those events. The
     * reader is called from several threads, one case at a time from each.
     */
    public void foldEach(Instant recordedBy, Consumer<CaseTimeline> reader) {
        String before = recordedBy.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
        List<Future<?>> others = new ArrayList<>();
        for (String part : PARTS.subList(1, PARTS.size())) {
            others.add(readers.submit(() -> foldPart(part, before, recordedBy, reader)));
        }
        try {
            foldPart(PARTS.get(0), before, recordedBy, reader);
        } finally {
            for (Future<?> other : others) {
                awaitPart(other);
            }
        }
    }

    private void foldPart(String part, String before, Instant recordedBy, Consumer<CaseTimeline> reader) {
        // PostgreSQL reads a result a fetch at a time only inside a transaction
        readOnly.executeWithoutResult(status -> {
            jdbc.execute("set local enable_sort = off");
            OneCaseAtATime cases = new OneCaseAtATime(recordedBy, reader, axon.upcasterChain());
            jdbc.query(RECORDED_BEFORE.formatted(SCHEMA, part), cases, before);
            cases.fold();
        });
    }

    private static void awaitPart(Future<?> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            part.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the recorded cases", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException("Could not read the recorded cases", e.getCause());
        }
    }

    /**
     * Gathers the events of cases (rows come case by case, in sequence) until about {@link #FETCH_SIZE} are held, then
     * reads the keys of their customers in one look and folds them one case after another.
     */
    private final class OneCaseAtATime implements RowCallbackHandler {

        private final Instant recordedBy;
        private final Consumer<CaseTimeline> reader;
        private final EventUpcaster upcasters;
        private final List<List<DomainEventData<byte[]>>> held = new ArrayList<>();
        private List<DomainEventData<byte[]>> events;
        private String aggregate;
        private int rows;

        OneCaseAtATime(Instant recordedBy, Consumer<CaseTimeline> reader, EventUpcaster upcasters) {
            this.recordedBy = recordedBy;
            this.reader = reader;
            this.upcasters = upcasters;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String timestamp = rs.getString("time_stamp");
            if (DateTimeUtils.parseInstant(timestamp).isAfter(recordedBy)) {
                return;
            }
            String aggregateId = rs.getString("aggregate_identifier");
            if (!aggregateId.equals(aggregate)) {
                if (rows >= FETCH_SIZE) {
                    fold();
                }
                aggregate = aggregateId;
                events = new ArrayList<>();
                held.add(events);
            }
            events.add(new GenericDomainEventEntry<>(rs.getString("type"), aggregateId, rs.getLong("sequence_number"),
                    rs.getString("event_identifier"), timestamp, rs.getString("payload_type"),
                    rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data")));
            rows++;
        }

        /** Folds the cases held so far, those whose events are a case's, and forgets them. */
        void fold() {
            keys.prefetchForCases(held.stream().map(caseEvents -> caseEvents.get(0).getAggregateIdentifier()).toList());
            held.forEach(this::fold);
            held.clear();
            rows = 0;
        }

        private void fold(List<DomainEventData<byte[]>> caseEvents) {
            CaseTimeline timeline = new CaseTimeline();
            DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(caseEvents.stream(),
                    serializer, upcasters);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                // the payload type is known without reading the payload: other aggregates' events are not read
                if (CaseEvent.class.isAssignableFrom(message.getPayloadType())
                        && message.getPayload() instanceof CaseEvent event) {
                    timeline.apply(event, message.getSequenceNumber());
                }
            }
            if (timeline.exists()) {
                reader.accept(timeline);
            }
        }
    }
}
