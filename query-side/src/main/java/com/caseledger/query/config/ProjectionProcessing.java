package com.caseledger.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * All projections run in one pooled streaming processor: the store is read and each event deserialized once
 * for all of them, and they are rebuilt together. A projection that fails on an event fails the batch, which
 * is retried; an event is never skipped, so every projection eventually shows everything recorded.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    public static final String PROCESSOR = "case-projections";

    @Bean
    public ConfigurerModule projectionsInOneProcessor() {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(processingGroup -> PROCESSOR)
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
