package com.caseledger.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor the event store cannot beat: plain JDBC inserts and reads of rows shaped like a stored event
 * (an aggregate id, a sequence number and a payload of the same size) on the same PostgreSQL.
 */
final class PlainJdbcBaseline {

    private final DataSource dataSource;
    private final byte[] payload;

    PlainJdbcBaseline(DataSource dataSource, int payloadBytes) {
        this.dataSource = dataSource;
        this.payload = new byte[payloadBytes];
        new Random(7).nextBytes(payload);
    }

    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists benchmark");
            statement.execute("drop table if exists benchmark.plain_rows");
            statement.execute("""
                    create table benchmark.plain_rows (
                        id bigserial primary key, aggregate_id varchar(255) not null, sequence_number bigint not null,
                        payload bytea not null, unique (aggregate_id, sequence_number))""");
        }
    }

    void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema benchmark cascade");
        }
    }

    /** One row per transaction from {@code threads} connections; answers rows per second. */
    double singleRowInserts(int threads, long millis) throws InterruptedException {
        AtomicLong rows = new AtomicLong();
        long deadline = System.currentTimeMillis() + millis;
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into benchmark.plain_rows (aggregate_id, sequence_number, payload) values (?, ?, ?)")) {
                    connection.setAutoCommit(true);
                    long sequence = 0;
                    while (System.currentTimeMillis() < deadline) {
                        insert.setString(1, "single-" + thread);
                        insert.setLong(2, sequence++);
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Batches of {@code batchSize} rows per transaction from one connection; answers rows per second. */
    double batchInserts(int batchSize, long millis) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        long deadline = System.currentTimeMillis() + millis;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into benchmark.plain_rows (aggregate_id, sequence_number, payload) values (?, ?, ?)")) {
            connection.setAutoCommit(false);
            while (System.currentTimeMillis() < deadline) {
                for (int i = 0; i < batchSize; i++) {
                    insert.setString(1, "batch-" + rows / 10);
                    insert.setLong(2, rows % 10);
                    insert.setBytes(3, payload);
                    insert.addBatch();
                    rows++;
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    /** Reads every row in id order, as a processor reads the global stream; answers rows per second. */
    double sequentialRead() throws SQLException {
        return readRate(dataSource, "select id, aggregate_id, sequence_number, payload from benchmark.plain_rows "
                + "order by id", row -> row.getBytes(4).length + row.getString(2).length());
    }

    /** The bytes of a row a read touches, so that the driver cannot leave its columns undecoded. */
    @FunctionalInterface
    interface RowBytes {
        long of(ResultSet row) throws SQLException;
    }

    /**
     * Reads every row the query answers over one connection, a thousand rows a fetch, touching each row's bytes;
     * answers rows per second.
     */
    static double readRate(DataSource dataSource, String query, RowBytes rowBytes) throws SQLException {
        long rows = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(query)) {
                select.setFetchSize(1000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        bytes += rowBytes.of(result);
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read");
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }
}
