package com.caseledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.time.Clock;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/**
 * The event store. By default Axon's JDBC storage engine on the tables that the {@code db/eventstore} migrations
 * create, tuned for CaseLedger: processors read the global stream in large batches, and a node that did not append an
 * event itself (a query side on its own) looks for new ones every {@code caseledger.event-store.fetch-delay}
 * ({@link EventStoreSettings}). With {@code axon.axonserver.enabled=true} none of the JDBC store's beans exist and
 * Axon's Axon Server auto-configuration supplies the event store, command bus and query bus; the upcasters below
 * apply to both.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * Older revisions of events are read in their current shape. Axon's Spring Boot setup chains every
     * {@link EventUpcaster} bean in {@link Order} into {@code configuration.upcasterChain()}, which the event store
     * applies to every event it reads (aggregates, processors, history, the export feed); a later revision's upcaster
     * comes after the one it builds on.
     */
    @Bean
    @Order(1)
    public EventUpcaster slaPolicyAppliedRevision1Upcaster() {
        return new SlaPolicyAppliedRevision1Upcaster();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The events in PostgreSQL, unless Axon Server holds them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public static class JdbcEventStore {

        @Bean
        public EventSchema eventSchema() {
            return EventSchema.builder()
                    .eventTable(SCHEMA + ".domain_event_entry")
                    .snapshotTable(SCHEMA + ".snapshot_event_entry")
                    .globalIndexColumn("global_index")
                    .timestampColumn("time_stamp")
                    .eventIdentifierColumn("event_identifier")
                    .aggregateIdentifierColumn("aggregate_identifier")
                    .sequenceNumberColumn("sequence_number")
                    .typeColumn("type")
                    .payloadTypeColumn("payload_type")
                    .payloadRevisionColumn("payload_revision")
                    .payloadColumn("payload")
                    .metaDataColumn("meta_data")
                    .build();
        }

        @Bean
        public PersistenceExceptionResolver persistenceExceptionResolver() {
            return new UniqueViolationResolver();
        }

        @Bean
        public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     PersistenceExceptionResolver persistenceExceptionResolver,
                                                     org.axonframework.config.Configuration configuration,
                                                     ConnectionProvider connectionProvider,
                                                     TransactionManager transactionManager,
                                                     EventSchema eventSchema,
                                                     EventStoreSettings settings) {
            return new CaseLedgerStorageEngine(JdbcEventStorageEngine.builder()
                    .snapshotSerializer(defaultSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .connectionProvider(connectionProvider)
                    .transactionManager(transactionManager)
                    .schema(eventSchema)
                    .batchSize(settings.batchSize()), eventSchema);
        }

        @Bean(name = "eventBus")
        @Qualifier("eventStore")
        public EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                     EventStoreSettings settings) {
            return EmbeddedEventStore.builder()
                    .storageEngine(storageEngine)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                    .fetchDelay(settings.fetchDelay().toMillis())
                    // each processor reads the store itself: a shared read-ahead cache grows without bound while a
                    // processor works through a large backlog (seen as running out of a 1 GiB heap at 1,000,000 events)
                    .optimizeEventConsumption(false)
                    .build();
        }
    }
}
