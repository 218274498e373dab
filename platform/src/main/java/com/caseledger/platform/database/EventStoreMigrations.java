package com.caseledger.platform.database;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The event store's schema ({@code eventstore}) is owned by its own Flyway history, so either side can
 * start first and the projections' schema can evolve (or be dropped and rebuilt) on its own.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreMigrations {

    public static final String SCHEMA = "eventstore";

    @Bean(initMethod = "migrate")
    public Flyway eventStoreFlyway(DataSource dataSource) {
        return SchemaMigrations.forSchema(dataSource, SCHEMA, "classpath:db/eventstore");
    }
}
