package com.caseledger.platform.database;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Each part of CaseLedger owns one PostgreSQL schema and migrates it with its own Flyway history, so the parts
 * can start in any order and a schema (the projections) can be dropped and rebuilt alone.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Migrations of one schema, with their own history table in it; a bean's init method runs them. */
    public static Flyway forSchema(DataSource dataSource, String schema, String location) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_history")
                .locations(location)
                .load();
    }
}
