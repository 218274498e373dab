package com.caseledger.query.casefold;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cases whose events wait in the case fold's dead-letter queue (one sequence per case) instead of in their views,
 * and the cases whose parked events were evicted from it ({@code projections.evicted_case}, owned here): both views
 * are behind their events until a retry or a rebuild. A case parked by the fold itself is remembered on this node,
 * because Axon's cache of parked sequences learns only of the events it parks itself: the fold then parks that case's
 * later events without folding them.
 */
@Component
public class CaseDeadLetters {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final ObjectProvider<Configuration> axon;
    private final JdbcTemplate jdbc;
    private final Set<String> parkedHere = ConcurrentHashMap.newKeySet();

    public CaseDeadLetters(SequencedDeadLetterQueue<EventMessage<?>> caseFoldDeadLetters,
                           ObjectProvider<Configuration> axon, JdbcTemplate jdbc) {
        this.queue = caseFoldDeadLetters;
        this.axon = axon;
        this.jdbc = jdbc;
    }

    /** Parks the events of a case in order, the first with the cause, in the transaction under way. */
    void park(String caseId, List<EventMessage<?>> events, Throwable cause) {
        for (int i = 0; i < events.size(); i++) {
            queue.enqueue(caseId, i == 0
                    ? new GenericDeadLetter<>(caseId, events.get(i), cause)
                    : new GenericDeadLetter<>(caseId, events.get(i)));
        }
    }

    /** Remembers the cases parked by a batch that has committed. */
    void parked(Collection<String> caseIds) {
        parkedHere.addAll(caseIds);
    }

    /** Parks the event behind the earlier ones of its case if this node parked that case and it is parked still. */
    boolean parkedBehind(String caseId, EventMessage<?> event) {
        if (!parkedHere.contains(caseId)) {
            return false;
        }
        if (queue.enqueueIfPresent(caseId, () -> new GenericDeadLetter<>(caseId, event))) {
            return true;
        }
        parkedHere.remove(caseId);
        return false;
    }

    /** Learns the parked cases from the queue anew, once a rebuild's switch has replaced what the queue holds. */
    public void reload() {
        parkedHere.clear();
        queue.deadLetters().forEach(sequence -> list(sequence).stream().findFirst()
                .map(CaseDeadLetters::caseOf).ifPresent(parkedHere::add));
    }

    public boolean isParked(String caseId) {
        return queue.contains(caseId);
    }

    /** Whether the case's view lacks events of it: parked, or evicted from the queue since the last rebuild. */
    public boolean isBehind(String caseId) {
        return isParked(caseId) || isEvicted(caseId);
    }

    /** Whether the case's parked events were evicted since the last rebuild, so its view lacks them. */
    public boolean isEvicted(String caseId) {
        return !evictedAmong(List.of(caseId)).isEmpty();
    }

    /**
     * Those of the cases whose views lack events of theirs: one look and one count while nothing is parked, as is
     * usual, and a look per case otherwise.
     */
    public Set<String> behindAmong(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        Set<String> behind = evictedAmong(caseIds);
        if (parkedCases() > 0) {
            caseIds.stream().filter(queue::contains).forEach(behind::add);
        }
        return behind;
    }

    private Set<String> evictedAmong(Collection<String> caseIds) {
        return new HashSet<>(jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select case_id from projections.evicted_case where case_id = any(?)");
            statement.setArray(1, connection.createArrayOf("text", caseIds.toArray()));
            return statement;
        }, (rs, row) -> rs.getString(1)));
    }

    public long parkedCases() {
        return queue.amountOfSequences();
    }

    /** Every parked case with its letters, in order. */
    public List<List<DeadLetter<? extends EventMessage<?>>>> all() {
        List<List<DeadLetter<? extends EventMessage<?>>>> cases = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> cases.add(list(sequence)));
        return cases;
    }

    public List<DeadLetter<? extends EventMessage<?>>> lettersOf(String caseId) {
        return list(queue.deadLetterSequence(caseId));
    }

    /**
     * Folds the case's parked events again, in order, each in a transaction of its own; stops at the first that fails
     * again, which stays parked with the new cause together with the ones after it. Answers whether all were folded.
     */
    public boolean retry(String caseId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = axon.getObject().eventProcessingConfiguration()
                .sequencedDeadLetterProcessor(CaseFoldProjection.NAME).orElseThrow();
        boolean cleared = processor.process(letter -> caseId.equals(caseOf(letter)));
        if (cleared) {
            parkedHere.remove(caseId);
        }
        return cleared;
    }

    /**
     * Drops the case's parked events: its views keep what they had before them, and say they are behind until a
     * rebuild folds the case's events again.
     */
    public void evict(String caseId) {
        jdbc.update("insert into projections.evicted_case (case_id, evicted_at) values (?, now()) "
                + "on conflict (case_id) do nothing", caseId);
        lettersOf(caseId).forEach(queue::evict);
        parkedHere.remove(caseId);
    }

    /** A replay folds every event again, evicted ones included: no view lacks them after it. */
    void replaying() {
        jdbc.update("truncate projections.evicted_case");
    }

    /** The case of a letter: its event's aggregate. */
    public static String caseOf(DeadLetter<? extends EventMessage<?>> letter) {
        return Optional.of(letter.message())
                .filter(DomainEventMessage.class::isInstance)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .orElse(null);
    }

    private static List<DeadLetter<? extends EventMessage<?>>> list(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<DeadLetter<? extends EventMessage<?>>> list = new ArrayList<>();
        letters.forEach(list::add);
        return list;
    }
}
