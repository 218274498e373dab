package com.caseledger.query.config;

import com.caseledger.query.casefold.CaseDeadLetters;
import com.caseledger.query.casefold.CaseFoldProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case fold's dead-letter queue, Axon's {@link JdbcSequencedDeadLetterQueue} in
 * {@code projections.dead_letter_entry}: one sequence per case (Axon sequences a processing group's events per
 * aggregate). Axon parks an event whose handler throws and every later event of a case already parked, without
 * calling the handler; {@link CaseFoldProjection} parks a case whose fold or derived rows fail when its batch commits.
 * Axon's cache of parked cases spares a look into the queue per event; a rebuild folds every case again, and what it
 * parks replaces the queue when it switches. The parked cases are listed by {@code GET /api/admin/dead-letters} and counted by the gauge
 * {@code caseledger_dead_letters}; they do not make the projections' health DOWN, since every other case goes on.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionDeadLetters {

    @Bean
    public SequencedDeadLetterQueue<EventMessage<?>> caseFoldDeadLetters(ConnectionProvider connectionProvider,
                                                                         TransactionManager transactionManager,
                                                                         Serializer serializer,
                                                                         @Qualifier("eventSerializer")
                                                                         Serializer eventSerializer) {
        return queue(CaseFoldProjection.NAME, connectionProvider, transactionManager, serializer, eventSerializer);
    }

    /** A dead-letter queue of the case fold in {@code projections.dead_letter_entry}, for the processing group. */
    public static JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup,
                                                                     ConnectionProvider connectionProvider,
                                                                     TransactionManager transactionManager,
                                                                     Serializer serializer,
                                                                     Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    public ConfigurerModule caseFoldDeadLettering(SequencedDeadLetterQueue<EventMessage<?>> caseFoldDeadLetters) {
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(CaseFoldProjection.NAME, configuration -> caseFoldDeadLetters)
                .registerDeadLetteringEventHandlerInvokerConfiguration(CaseFoldProjection.NAME,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
    }

    /** {@code caseledger_dead_letters}: how many cases are parked, read from the queue when metrics are scraped. */
    @Bean
    public MeterBinder deadLetterGauge(CaseDeadLetters deadLetters) {
        return registry -> Gauge.builder("caseledger.dead.letters", deadLetters, CaseDeadLetters::parkedCases)
                .description("cases whose events are parked in the projections' dead-letter queue")
                .register(registry);
    }

    private static DeadLetterSchema schema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(ProjectionStorage.SCHEMA + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
