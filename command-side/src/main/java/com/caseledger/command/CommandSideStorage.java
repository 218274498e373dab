package com.caseledger.command;

import com.caseledger.platform.database.SchemaMigrations;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The command side's own decision tables (schema {@code command_side}), beside the event store. */
@Configuration(proxyBeanMethods = false)
public class CommandSideStorage {

    public static final String SCHEMA = "command_side";

    @Bean(initMethod = "migrate")
    public Flyway commandSideFlyway(DataSource dataSource) {
        return SchemaMigrations.forSchema(dataSource, SCHEMA, "classpath:db/commandside");
    }
}
