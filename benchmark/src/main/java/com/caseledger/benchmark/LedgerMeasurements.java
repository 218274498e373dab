package com.caseledger.benchmark;

import com.caseledger.platform.ledger.VerifyEventStore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What auditors and reporting tools read in bulk: the export feed against a plain read of the same table, the
 * whole-store chain verification, and the report as of an instant, which streams the stored events up to it.
 */
final class LedgerMeasurements {

    private final DataSource dataSource;
    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LedgerMeasurements(DataSource dataSource, String baseUrl) {
        this.dataSource = dataSource;
        this.baseUrl = baseUrl;
    }

    /** The stored events in global order, every column the feed shows, over plain JDBC; answers rows per second. */
    double plainStoreRead() throws SQLException {
        return PlainJdbcBaseline.readRate(dataSource, """
                select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                from eventstore.domain_event_entry order by global_index""",
                row -> row.getBytes(9).length + row.getString(3).length() + row.getString(6).length());
    }

    /** The events as the storage engine reads them for the feed, in global order, none of them deserialized. */
    double engineRead(EventStorageEngine engine) {
        long started = System.nanoTime();
        long events;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            events = stream.filter(message -> message.trackingToken() != null).count();
        }
        return events / seconds(started);
    }

    /**
     * The whole feed as NDJSON in one request, read by curl, a separate process, as a bulk export reads it (so that
     * the figure is not this process's HTTP client's); by this process when curl is not installed.
     */
    Rate feedExport() throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/curl"))) {
            long started = System.nanoTime();
            Process curl = new ProcessBuilder("sh", "-c", "curl -sf -H 'Accept: application/x-ndjson' -H '"
                    + "Authorization: " + Http.AUTHORIZATION + "' '" + baseUrl + "/api/events' | wc -lc")
                    .redirectErrorStream(true).start();
            String counted = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            double taken = seconds(started);
            if (curl.waitFor() != 0) {
                throw new IllegalStateException("curl failed: " + counted);
            }
            String[] lineAndBytes = counted.split("\\s+");
            return new Rate(Long.parseLong(lineAndBytes[0]), Long.parseLong(lineAndBytes[1]), taken);
        }
        long started = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/events"))
                .header("Authorization", Http.AUTHORIZATION).header("Accept", "application/x-ndjson").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Rate(lines, bytes, seconds(started));
    }

    /** Every stream's hash chain recomputed, as the command-line verify does; answers events per second. */
    Rate verify() throws SQLException {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit = VerifyEventStore.verify(dataSource, new PrintStream(summary, true, StandardCharsets.UTF_8),
                new PrintStream(PrintStream.nullOutputStream()));
        double taken = seconds(started);
        if (exit != 0) {
            throw new IllegalStateException("verify found a break: " + summary.toString(StandardCharsets.UTF_8));
        }
        Long events;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from eventstore.domain_event_entry");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            events = rs.getLong(1);
        }
        return new Rate(events, 0, taken);
    }

    /** One report as of the instant over the period; answers the seconds it took. */
    double asOfReport(String query) {
        long started = System.nanoTime();
        new Http(baseUrl).received("/api/reports/service-levels?" + query);
        return seconds(started);
    }

    record Rate(long count, long bytes, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
