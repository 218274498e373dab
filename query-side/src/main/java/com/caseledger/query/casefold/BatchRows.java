package com.caseledger.query.casefold;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch's rows for one table, written by one statement: each column travels as one array, which the statement
 * unnests ({@code insert ... select * from unnest(?::text[], ?::bigint[], ...)}). PostgreSQL then plans and runs one
 * statement per table and batch instead of one per row, which is most of what a rebuild costs it. The arrays are
 * bound in the order the columns are added, so that order is the order of the statement's parameters. The rows of
 * one batch must not share a key when the statement updates on conflict.
 */
public final class BatchRows<T> {

    private final List<T> rows;
    private final List<String> types = new ArrayList<>();
    private final List<Object[]> columns = new ArrayList<>();

    private BatchRows(List<T> rows) {
        this.rows = rows;
    }

    public static <T> BatchRows<T> of(Collection<T> rows) {
        return new BatchRows<>(List.copyOf(rows));
    }

    /**
     * Adds a column of the given PostgreSQL element type: {@code int8} (values are {@code Long}), {@code int4}
     * ({@code Integer}), {@code bool} ({@code Boolean}), or a type whose values travel as text, such as {@code text}
     * or {@code timestamptz} ({@code String}). Typed arrays travel in PostgreSQL's binary form where the driver can.
     */
    public BatchRows<T> column(String type, Function<T, ?> value) {
        Object[] values = switch (type) {
            case "int8" -> new Long[rows.size()];
            case "int4" -> new Integer[rows.size()];
            case "bool" -> new Boolean[rows.size()];
            default -> new String[rows.size()];
        };
        for (int row = 0; row < values.length; row++) {
            values[row] = value.apply(rows.get(row));
        }
        types.add(type);
        columns.add(values);
        return this;
    }

    /** Adds a column of bytes ({@code bytea}), which travels in PostgreSQL's binary form. */
    public BatchRows<T> bytes(Function<T, byte[]> value) {
        byte[][] values = new byte[rows.size()][];
        for (int row = 0; row < values.length; row++) {
            values[row] = value.apply(rows.get(row));
        }
        types.add("bytea");
        columns.add(values);
        return this;
    }

    /** Runs the statement once with every column bound as an array; does nothing when there are no rows. */
    public void write(JdbcTemplate jdbc, String sql) {
        if (!rows.isEmpty()) {
            jdbc.execute((Connection connection) -> run(connection, sql, PreparedStatement::executeUpdate));
        }
    }

    /** Runs a statement that returns one value per row it wrote ({@code returning case_id}); answers those values. */
    public Set<String> writeAnswering(JdbcTemplate jdbc, String sql) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((Connection connection) -> run(connection, sql, statement -> {
            Set<String> written = new HashSet<>();
            try (ResultSet answered = statement.executeQuery()) {
                while (answered.next()) {
                    written.add(answered.getString(1));
                }
            }
            return written;
        }));
    }

    private interface Execution<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    private <R> R run(Connection connection, String sql, Execution<R> execution) throws SQLException {
        List<Array> arrays = new ArrayList<>(columns.size());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns.size(); column++) {
                Array array = connection.createArrayOf(types.get(column), columns.get(column));
                arrays.add(array);
                statement.setArray(column + 1, array);
            }
            return execution.run(statement);
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }
}
