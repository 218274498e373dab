package com.caseledger.platform.personaldata;

import com.caseledger.platform.axon.EventInstantsModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serializer of events: Jackson, as for every other message, on a copy of the application's mapper that seals
 * personal text ({@link PersonalDataModule}) and reads instants by arithmetic ({@link EventInstantsModule}). Commands,
 * snapshots, tokens and the HTTP API keep the plain mapper.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataSerialization {

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper applicationMapper, RevisionResolver revisionResolver,
                                      PersonalDataKeys keys) {
        return new EventJsonSerializer(JacksonSerializer.builder()
                .objectMapper(applicationMapper.copy().registerModule(new PersonalDataModule(keys))
                        .registerModule(new EventInstantsModule()))
                .revisionResolver(revisionResolver));
    }
}
