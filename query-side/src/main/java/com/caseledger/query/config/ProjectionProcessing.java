package com.caseledger.query.config;

import com.caseledger.platform.personaldata.PersonalDataKeys;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * All projections run in one tracking processor: the store is read and each event deserialized once for all of
 * them, and they are rebuilt together. (Axon's pooled processor pauses its reader for 100 ms whenever a segment has
 * 1,024 events waiting, which projections that write every case they fold always reach during a rebuild.) A case
 * whose events fail to project is parked in the dead-letter queue ({@link ProjectionDeadLetters}) and every other case
 * goes on. A batch that fails as a whole (the database is unreachable, say) is retried; an event is never skipped,
 * and while a batch keeps failing the projections' health ({@link ProjectionHealth}) is DOWN.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    public static final String PROCESSOR = "case-projections";

    @Bean
    public ProjectionEventSource projectionEventSource(EventStore eventStore, PersonalDataKeys keys,
                                                       QuerySettings settings) {
        return new ProjectionEventSource(eventStore, keys, settings.checkForEventsEvery(), settings.readAhead());
    }

    /** Batches of projections commit without waiting for the disk ({@link AsynchronousCommit}). */
    public static MessageHandlerInterceptor<EventMessage<?>> asynchronousCommit(JdbcTemplate jdbc) {
        return new AsynchronousCommit(jdbc);
    }

    @Bean
    public ConfigurerModule projectionsInOneProcessor(JdbcTemplate jdbc, ProjectionHealth health) {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(processingGroup -> PROCESSOR)
                .registerHandlerInterceptor(PROCESSOR, configuration -> health)
                .registerHandlerInterceptor(PROCESSOR, configuration -> asynchronousCommit(jdbc))
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
