package com.caseledger.query.casefold;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Category;
import com.caseledger.events.Priority;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CaseFoldProjectionTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private final CaseFoldRepository folds = mock(CaseFoldRepository.class);
    private final CaseDeadLetters deadLetters = mock(CaseDeadLetters.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final Connection connection = mock(Connection.class);
    private final RefusingTable table = new RefusingTable();
    private final CaseFoldProjection projection = new CaseFoldProjection(folds, List.of(table), deadLetters, jdbc);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void writes_go_to_one_connection() throws Exception {
        when(folds.saveAll(anyCollection())).thenAnswer(call -> List.copyOf((Collection<CaseTimeline>) call.getArgument(0)));
        when(jdbc.execute(any(ConnectionCallback.class))).thenAnswer(call ->
                ((ConnectionCallback<?>) call.getArgument(0)).doInConnection(connection));
        when(connection.setSavepoint()).thenAnswer(call -> mock(Savepoint.class));
    }

    @Test
    void a_replay_starts_from_empty_folds_and_forgets_the_cases_evicted_from_the_dead_letters() {
        projection.beforeReplay();
        verify(folds).deleteAll();
        verify(deadLetters).replaying();
    }

    @Test
    void a_batch_without_failures_writes_every_case_in_one_statement_per_table_after_one_savepoint() throws Exception {
        handleAndCommit(opened("case-1"), opened("case-2"));

        assertThat(table.writes).containsExactly(List.of("case-1", "case-2"));
        verify(connection, times(1)).setSavepoint();
        verify(connection, never()).rollback(any(Savepoint.class));
        verify(deadLetters, never()).park(anyString(), anyList(), any());
    }

    @Test
    void a_case_whose_fold_fails_is_parked_with_its_events_and_the_others_are_written() {
        IllegalStateException bug = new IllegalStateException("a bug in the fold");
        CaseEvent unreadable = new Unreadable("case-2", bug);
        List<EventMessage<?>> handled = handleAndCommit(opened("case-1"), opened("case-2"), unreadable, opened("case-3"));

        assertThat(table.writes).containsExactly(List.of("case-1", "case-3"));
        verify(deadLetters).park("case-2", List.of(handled.get(1), handled.get(2)), bug);
        verify(deadLetters).parked(Set.of("case-2"));
    }

    @Test
    void a_case_whose_rows_fail_is_rolled_back_to_its_savepoint_and_parked_and_the_others_are_written() throws Exception {
        table.refused = "case-2";
        List<EventMessage<?>> handled = handleAndCommit(opened("case-1"), opened("case-2"), opened("case-3"));

        assertThat(table.writes).containsExactly(List.of("case-1"), List.of("case-3"));
        // the batch, then each case apart; the batch and the refused case are rolled back
        verify(connection, times(4)).setSavepoint();
        verify(connection, times(2)).rollback(any(Savepoint.class));
        ArgumentCaptor<Throwable> cause = ArgumentCaptor.forClass(Throwable.class);
        verify(deadLetters).park(eq("case-2"), eq(List.of(handled.get(1))), cause.capture());
        assertThat(cause.getValue()).hasMessageContaining("refuses case-2");
        verify(deadLetters).parked(Set.of("case-2"));
    }

    private List<EventMessage<?>> handleAndCommit(CaseEvent... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (CaseEvent event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(messages.get(0));
        for (int i = 0; i < events.length; i++) {
            // each case's first event here is its first ever: no stored fold is read
            long sequence = events[i] instanceof Unreadable ? 1 : 0;
            projection.on(events[i], sequence, messages.get(i), batch);
        }
        batch.commit();
        return messages;
    }

    private static CaseOpened opened(String caseId) {
        return new CaseOpened(caseId, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL,
                "customer-" + caseId, "Where is my parcel?", null, null, null, AT);
    }

    /** An event the fold fails on, as it would on a bug. */
    private record Unreadable(String caseId, RuntimeException failure) implements CaseEvent {
        @Override
        public Instant occurredAt() {
            throw failure;
        }
    }

    private static final class RefusingTable implements CaseFoldTable {
        private final List<List<String>> writes = new ArrayList<>();
        private String refused;

        @Override
        public void saveAll(Collection<CaseTimeline> changed) {
            List<String> caseIds = changed.stream().map(CaseTimeline::caseId).toList();
            if (caseIds.contains(refused)) {
                throw new IllegalStateException("The table refuses " + refused);
            }
            writes.add(caseIds);
        }

        @Override
        public void deleteAll() {
        }
    }
}
