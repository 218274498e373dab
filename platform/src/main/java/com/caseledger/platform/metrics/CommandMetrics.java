package com.caseledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics for commands only, tagged by command type ({@code payloadType}): counters of outcomes
 * ({@code commandBus_successCounter_total}, {@code commandBus_failureCounter_total}, ...) and timers
 * ({@code commandBus_allTimer_seconds}, ...). Axon's own auto-configuration, which also monitors every event an event
 * processor handles, is off: it cost the read side's rebuild about a sixth of its time, and the processor's position
 * and lag are measured apart ({@code ProcessorLagMetrics} on the read side).
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ConfigurerModule commandBusMetrics(MeterRegistry registry) {
        GlobalMetricRegistry metrics = new GlobalMetricRegistry(registry);
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, configuration ->
                (MessageMonitor<Message<?>>) (MessageMonitor) metrics.registerCommandBus("commandBus",
                        TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION));
    }
}
