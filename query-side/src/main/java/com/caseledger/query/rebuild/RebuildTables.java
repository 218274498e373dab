package com.caseledger.query.rebuild;

import com.caseledger.query.config.ProjectionStorage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables a rebuild writes beside the live ones, and the switch between them: the tables the case fold writes
 * ({@link #REBUILT}), not the processor's bookkeeping nor Flyway's history. The rebuild's copies live in the schema {@code projections_rebuild}, with the live
 * tables' columns, defaults, constraints, indexes (under the same names) and storage settings, written to the
 * write-ahead log as they are built like the live ones (built unlogged, the one rewrite that logged them at the end cost
 * PostgreSQL more than logging the rebuild's writes as they came). The switch, in one
 * transaction, moves the live tables out and the rebuilt ones in, points the views that read them (the
 * {@code reporting} schema) at the rebuilt ones and drops the old ones; a dependant it does not know how to move makes
 * the switch fail rather than be dropped.
 */
class RebuildTables {

    static final String LIVE = ProjectionStorage.SCHEMA;
    static final String REBUILD = LIVE + "_rebuild";
    private static final String RETIRED = LIVE + "_retired";
    /**
     * The tables the case fold writes ({@link com.caseledger.query.casefold.CaseFoldProjection} and its
     * {@link com.caseledger.query.casefold.CaseFoldTable}s), and the cases evicted from the dead letters, of which a
     * rebuild leaves none; the others of the schema are the processor's bookkeeping (its tokens, its dead letters, the
     * count of resets) and Flyway's history, which stay.
     */
    static final List<String> REBUILT = List.of("case_fold", "case_view", "follow_up", "service_level_case",
            "evicted_case");

    private final JdbcTemplate jdbc;

    RebuildTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates empty copies of the live tables in the rebuild's schema, dropping what an earlier rebuild left. */
    void prepare() {
        jdbc.execute("drop schema if exists " + REBUILD + " cascade");
        jdbc.execute("create schema " + REBUILD);
        for (String table : REBUILT) {
            String live = LIVE + "." + table;
            String copy = REBUILD + "." + table;
            jdbc.execute("create table " + copy + " (like " + live + " including all excluding indexes)");
            jdbc.query("""
                    select quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                    where conrelid = cast(? as regclass) and contype in ('p', 'u', 'x') order by conname""",
                    rs -> {
                        jdbc.execute("alter table " + copy + " add constraint " + rs.getString(1) + " "
                                + rs.getString(2));
                    }, live);
            jdbc.query("""
                    select pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = cast(? as regclass)
                      and not exists (select from pg_constraint c where c.conindid = i.indexrelid)""",
                    rs -> {
                        jdbc.execute(rs.getString(1).replace(" ON " + live + " ", " ON " + copy + " "));
                    }, live);
            String options = jdbc.queryForObject(
                    "select array_to_string(reloptions, ', ') from pg_class where oid = cast(? as regclass)",
                    String.class, live);
            if (options != null && !options.isEmpty()) {
                jdbc.execute("alter table " + copy + " set (" + options + ")");
            }
        }
    }

    /** Drops the rebuild's copies: a rebuild that was abandoned. */
    void discard() {
        jdbc.execute("drop schema if exists " + REBUILD + " cascade");
    }

    /**
     * Puts the rebuilt tables in place of the live ones, in the caller's transaction: waits up to {@code lockTimeout}
     * for the live tables' readers and writers, then holds them off until the transaction ends.
     */
    void switchOver(String lockTimeout) {
        jdbc.execute("set local lock_timeout = '" + lockTimeout + "'");
        jdbc.execute("lock table " + String.join(", ", REBUILT.stream().map(table -> LIVE + "." + table).toList())
                + " in access exclusive mode");
        List<DependentView> views = dependentViews(REBUILT);
        jdbc.execute("create schema " + RETIRED);
        REBUILT.forEach(table -> jdbc.execute("alter table " + LIVE + "." + table + " set schema " + RETIRED));
        REBUILT.forEach(table -> jdbc.execute("alter table " + REBUILD + "." + table + " set schema " + LIVE));
        views.forEach(view -> jdbc.execute("create or replace view " + view.name() + " as " + view.definition()));
        REBUILT.forEach(table -> jdbc.execute("drop table " + RETIRED + "." + table));
        jdbc.execute("drop schema " + RETIRED);
        jdbc.execute("drop schema " + REBUILD);
        jdbc.execute("update " + LIVE + ".service_level_resets set resets = resets + 1 where id = 1");
    }

    private record DependentView(String name, String definition) {
    }

    /**
     * The views that read the tables directly, with their definitions written with every name in full, so that
     * defining them again binds them to the tables that then have those names.
     */
    private List<DependentView> dependentViews(List<String> tables) {
        String[] names = tables.stream().map(table -> LIVE + "." + table).toArray(String[]::new);
        return jdbc.execute((Connection connection) -> {
            Array regclasses = connection.createArrayOf("text", names);
            try (Statement settings = connection.createStatement();
                 PreparedStatement statement = connection.prepareStatement(DEPENDENT_VIEWS)) {
                settings.execute("set local search_path = pg_catalog");
                statement.setArray(1, regclasses);
                List<DependentView> views = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        views.add(view(rs));
                    }
                }
                settings.execute("reset search_path");
                return views;
            } finally {
                regclasses.free();
            }
        });
    }

    private static DependentView view(ResultSet rs) throws SQLException {
        if (!"v".equals(rs.getString(2))) {
            throw new IllegalStateException(rs.getString(1) + " reads the projections' tables and is not a view: "
                    + "the rebuild cannot move it to the rebuilt tables");
        }
        return new DependentView(rs.getString(1), rs.getString(3));
    }

    private static final String DEPENDENT_VIEWS = """
            select distinct quote_ident(n.nspname) || '.' || quote_ident(v.relname), v.relkind,
                   case when v.relkind = 'v' then pg_get_viewdef(v.oid) end
            from pg_depend d
                 join pg_rewrite r on r.oid = d.objid
                 join pg_class v on v.oid = r.ev_class
                 join pg_namespace n on n.oid = v.relnamespace
            where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
              and d.refobjid = any(cast(cast(? as text[]) as regclass[])) and v.oid <> d.refobjid
            """;
}
