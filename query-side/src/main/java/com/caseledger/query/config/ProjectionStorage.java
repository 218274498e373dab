package com.caseledger.query.config;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import com.caseledger.platform.database.SchemaMigrations;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The projections live in their own schema with their own Flyway history: they can be dropped and
 * rebuilt from the event store without touching it. The processors' tokens live beside them.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionStorage {

    public static final String SCHEMA = "projections";

    @Bean(initMethod = "migrate")
    public Flyway projectionsFlyway(DataSource dataSource) {
        return SchemaMigrations.forSchema(dataSource, SCHEMA, "classpath:db/projections");
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
