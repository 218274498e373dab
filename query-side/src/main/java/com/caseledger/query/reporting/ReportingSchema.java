package com.caseledger.query.reporting;

import com.caseledger.platform.database.SchemaMigrations;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import javax.sql.DataSource;

/**
 * The schema that reporting tools read: views only, with stable documented columns, over the projections and the
 * event store, and the read-only role {@value #READER_ROLE} that may read nothing else. It has its own Flyway history:
 * a projection rebuild points the views at the rebuilt tables when it switches to them and leaves them standing, and a
 * change of an internal table comes with a reporting migration that recreates the affected views with the same
 * columns.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingSchema {

    public static final String SCHEMA = "reporting";
    public static final String READER_ROLE = "caseledger_reporting";

    /** The views are defined over the tables of both schemas, so those are migrated first. */
    @Bean(initMethod = "migrate")
    @DependsOn({"projectionsFlyway", "eventStoreFlyway"})
    public Flyway reportingFlyway(DataSource dataSource) {
        return SchemaMigrations.forSchema(dataSource, SCHEMA, "classpath:db/reporting");
    }
}
