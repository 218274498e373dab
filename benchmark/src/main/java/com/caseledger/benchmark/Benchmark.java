package com.caseledger.benchmark;

import com.caseledger.command.cases.AddInternalNote;
import com.caseledger.command.cases.AssignCase;
import com.caseledger.command.cases.AwaitCustomer;
import com.caseledger.command.cases.CloseCase;
import com.caseledger.command.cases.OpenCase;
import com.caseledger.command.cases.RecordCustomerMessage;
import com.caseledger.command.cases.ReplyToCustomer;
import com.caseledger.command.cases.ResolveCase;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * The benchmark harness: starts CaseLedger on a fresh embedded PostgreSQL and measures command throughput over
 * HTTP, event appends, a full rebuild of every projection, consistency lag and report latency, with two baselines
 * measured in the same run: Axon's default processing setup and plain JDBC on the same database.
 * Floors put each figure in its place: the web layer with no command behind it, the commands without the web
 * layer, and Axon's pooled processor with no projection work. Settings are system properties: {@code events}
 * (1000000), {@code clients} (16), {@code seconds} (20 per HTTP measurement), {@code warmupSeconds} (20),
 * {@code maxWarmupSeconds} (300, for the commands from wrk, which are warmed until the JIT compiler has settled),
 * {@code baselineSeconds} (60), {@code seed} (42), {@code dataDir} (a new temporary folder), {@code phases},
 * {@code rebuildWarmup} (true: a first rebuild of each kind before the measured ones).
 */
public final class Benchmark {

    private static final int WRK_CASES = 1024;
    private static final int REPORTS = 200;
    private static final String[] WORK = {"assign", "replies", "notes", "await-customer", "customer-messages", "replies",
            "resolve", "close"};

    private final long events = Long.getLong("events", 1_000_000);
    private final int clients = Integer.getInteger("clients", 16);
    private final long seconds = Long.getLong("seconds", 20);
    private final long warmupSeconds = Long.getLong("warmupSeconds", 20);
    private final long maxWarmupSeconds = Long.getLong("maxWarmupSeconds", 300);
    private final long baselineSeconds = Long.getLong("baselineSeconds", 60);
    private final long seed = Long.getLong("seed", 42);
    private final boolean rebuildWarmup = Boolean.parseBoolean(System.getProperty("rebuildWarmup", "true"));
    private final List<String> phases = List.of(System.getProperty("phases",
            "commands,floors,append,jdbc,lag,rebuild,report,ledger,axon").split(","));
    private final Instant historyStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(400));
    private final Results results = new Results();
    private CpuTime cpu;

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dataDir = System.getProperty("dataDir") != null ? Path.of(System.getProperty("dataDir"))
                : Files.createTempDirectory("caseledger-benchmark");
        cpu = new CpuTime(dataDir);
        results.note("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.version"));
        try (ConfigurableApplicationContext app = start(dataDir, Map.of())) {
            String baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Processors processors = new Processors(app.getBean(EventProcessingConfiguration.class));

            double commandsPerSecond = phase("commands") ? commandThroughput(baseUrl) : Double.NaN;
            if (phase("commands")) {
                commandsFromWrk(app, baseUrl);
            }
            if (phase("floors")) {
                floors(app, baseUrl);
            }
            // the projections wait while the store fills: many concurrent append batches in flight leave gaps
            // in the global index that a reader running alongside would have to track event by event
            processors.stopAll();
            long head = phase("append") ? fillStore(app, jdbc) : head(jdbc);
            awaitSealingLookedAtEverything();
            if (phase("append")) {
                settleStore(jdbc);
            }
            if (phase("rebuild")) {
                // the first rebuilds of each kind in this JVM also compile the code they run (on two cores the JIT
                // compiler took a third of the JVM's CPU): they are printed, and the next ones are measured as on a
                // node that has served for a while, like the floor they are held against
                if (rebuildWarmup) {
                    rebuild(processors, head, "full rebuild in place, the first in this JVM");
                    rebuildBeside(baseUrl, head, "rebuild beside the live projections, the first in this JVM");
                }
                rebuild(processors, head, "full rebuild of all projections");
                rebuildBeside(baseUrl, head, "rebuild beside the live projections, to the switch");
                if (Boolean.parseBoolean(System.getProperty("axonFloor", "true"))) {
                    dispatchFloor(app, head);
                }
            } else if (phase("lag") || phase("report")) {
                processors.startAll();
                processors.awaitPosition(head, TimeUnit.HOURS.toMillis(2));
            }
            if (phase("floors")) {
                results.ratio("commands over HTTP vs HTTP round trips with no command", commandsPerSecond,
                        results.value("HTTP round trips, no command (" + clients + " clients)"));
                results.ratio("commands over HTTP vs commands without HTTP", commandsPerSecond,
                        results.value("commands without HTTP (" + clients + " threads)"));
                results.ratio("commands over HTTP from wrk vs commands without HTTP",
                        results.value("commands over HTTP, load from wrk (" + clients + " connections)"),
                        results.value("commands without HTTP (" + clients + " threads)"));
            }
            if (phase("jdbc")) {
                plainJdbc(dataSource, jdbc);
                results.ratio("commands/s over HTTP vs plain JDBC single-row inserts", commandsPerSecond,
                        results.value("plain JDBC single-row inserts (8 connections)"));
                results.ratio("event appends vs plain JDBC batch inserts", results.value("event append rate"),
                        results.value("plain JDBC batch inserts"));
            }
            if (phase("lag")) {
                consistencyLag(baseUrl, commandsPerSecond / 2);
            }
            if (phase("report")) {
                reportLatency(baseUrl);
            }
            if (phase("ledger")) {
                ledger(dataSource, baseUrl, head(jdbc), app.getBean(EventStorageEngine.class));
            }
            resetProjections(processors, jdbc);
        }
        if (phase("axon")) {
            axonDefaultRebuild(dataDir);
            results.ratio("rebuild vs Axon default (tracking, batch size 1)",
                    results.value("full rebuild of all projections"), results.value("Axon default rebuild"));
            results.ratio("rebuild vs plain JDBC sequential read", results.value("full rebuild of all projections"),
                    results.value("plain JDBC sequential read"));
        }
        results.print(System.out);
    }

    private boolean phase(String name) {
        return phases.contains(name);
    }

    private static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private ConfigurableApplicationContext start(Path dataDir, Map<String, Object> overrides) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--caseledger.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--server.tomcat.threads.max=64"));
        overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(BenchmarkedCaseLedger.class).run(args.toArray(String[]::new));
    }

    /** Closed-loop clients, each working its own cases: open, then eight commands on the case. */
    private double commandThroughput(String baseUrl) throws Exception {
        closedLoop(warmupSeconds, client -> new HttpCases(new Http(baseUrl), client), new Histogram(3));
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        CpuTime.Used before = cpu.now();
        double rate = closedLoop(seconds, client -> new HttpCases(new Http(baseUrl), client), latency);
        results.measure("commands over HTTP (" + clients + " clients)", rate, "commands/s", percentiles(latency)
                + "; after " + warmupSeconds + " s of warm-up; clients in this process; "
                + cpu.now().since(before).per(rate * seconds, "command") + "; " + CpuTime.load());
        return rate;
    }

    /**
     * Commands over HTTP with the load from wrk, a separate process: replies and internal notes to open cases, after a
     * warm-up of at least as long as the other HTTP measurements', and then until the JIT compiler has settled: the
     * server as it runs for hours, not in its first minute.
     */
    private void commandsFromWrk(ConfigurableApplicationContext app, String baseUrl) throws Exception {
        Optional<WrkLoad> wrk = WrkLoad.find();
        if (wrk.isEmpty()) {
            results.note("wrk", "not installed (apt-get install -y wrk): commands with the load from a separate process "
                    + "not measured");
            return;
        }
        Http http = new Http(baseUrl);
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < WRK_CASES; i++) {
            caseIds.add(http.post("/api/cases", Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", "wrk-" + i,
                    "subject", "Where is my parcel?")).get("caseId").asText());
        }
        int snapshotAfter = app.getEnvironment().getProperty("caseledger.cases.snapshot-after", Integer.class, 100);
        staggerSnapshots(app.getBean(CommandGateway.class), caseIds, snapshotAfter);
        JitWarmup.Done warmed = new JitWarmup().warm(roundSeconds -> wrk.get().run(baseUrl, caseIds, clients, roundSeconds),
                warmupSeconds, maxWarmupSeconds, 10);
        CpuTime.Used before = cpu.now();
        WrkLoad.Run run = wrk.get().run(baseUrl, caseIds, clients, seconds);
        results.measure("commands over HTTP, load from wrk (" + clients + " connections)", run.requestsPerSecond(),
                "commands/s", String.format("p50 %.1f ms, p99 %.1f ms; replies and notes to %d open cases from a separate "
                                + "process, %s; %s; %s%s", run.p50Millis(), run.p99Millis(), WRK_CASES,
                        warmed, cpu.now().since(before).per(run.requestsPerSecond() * seconds, "command"),
                        CpuTime.load(), run.failed() == 0 ? "" : "; " + run.failed() + " answers not 2xx"));
    }

    /**
     * Spreads the cases over a snapshot's cycle: the i-th case first takes i mod {@code snapshotAfter} internal notes,
     * sent in process. Cases that all take commands at the same pace would otherwise all be snapshotted at the same
     * moment, and a measurement would see either a wave of snapshots or none, rather than their steady share.
     */
    private void staggerSnapshots(CommandGateway gateway, List<String> caseIds, int snapshotAfter) throws Exception {
        AtomicInteger next = new AtomicInteger();
        runClients(client -> {
            for (int i = next.getAndIncrement(); i < caseIds.size(); i = next.getAndIncrement()) {
                for (int note = 0; note < i % snapshotAfter; note++) {
                    sendInProcess(gateway, new AddInternalNote(caseIds.get(i), "agent-1", "Checked the carrier", null));
                }
            }
        });
    }

    /** A command sent in process, as the harness's own actor and with a correlation id of its own. */
    private static void sendInProcess(CommandGateway gateway, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(EventMetadata.ACTOR, "benchmark")
                        .and(EventMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
    }

    /** The same clients and loop with the work taken away, one layer at a time. */
    private void floors(ConfigurableApplicationContext app, String baseUrl) throws Exception {
        Histogram echo = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        closedLoop(warmupSeconds / 2, client -> new HttpEcho(new Http(baseUrl)), new Histogram(3));
        CpuTime.Used before = cpu.now();
        double echoRate = closedLoop(seconds, client -> new HttpEcho(new Http(baseUrl)), echo);
        results.measure("HTTP round trips, no command (" + clients + " clients)", echoRate, "requests/s",
                percentiles(echo) + "; the same JSON in and out, nothing behind it: the web layer's floor; "
                        + cpu.now().since(before).per(echoRate * seconds, "request"));
        CommandGateway gateway = app.getBean(CommandGateway.class);
        Histogram direct = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        closedLoop(warmupSeconds / 2, client -> new GatewayCases(gateway, client), new Histogram(3));
        before = cpu.now();
        double directRate = closedLoop(seconds, client -> new GatewayCases(gateway, client), direct);
        results.measure("commands without HTTP (" + clients + " threads)", directRate, "commands/s",
                percentiles(direct) + "; the same commands sent in process: Axon, the store and the projections; "
                        + cpu.now().since(before).per(directRate * seconds, "command") + "; " + CpuTime.load());
    }

    /** One client's next request; answers when it is answered. */
    private interface Step {
        void next() throws Exception;
    }

    private interface StepFactory {
        Step forClient(int client);
    }

    private double closedLoop(long forSeconds, StepFactory steps, Histogram latency) throws Exception {
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(forSeconds);
        runClients(client -> {
            Step step = steps.forClient(client);
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                step.next();
                synchronized (latency) {
                    record(latency, t0);
                }
                done.incrementAndGet();
            }
        });
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static String percentiles(Histogram latency) {
        return "p50 " + ms(latency.getValueAtPercentile(50)) + " ms, p99 " + ms(latency.getValueAtPercentile(99)) + " ms";
    }

    /** A client working cases over HTTP: opens one, then the eight commands of {@link #WORK}, then the next. */
    private static final class HttpCases implements Step {
        private final Http http;
        private final int client;
        private String caseId;
        private int done = WORK.length;

        HttpCases(Http http, int client) {
            this.http = http;
            this.client = client;
        }

        @Override
        public void next() {
            if (done == WORK.length) {
                caseId = http.post("/api/cases", Map.of("type", "COMPLAINT", "channel", "CHAT",
                        "customerId", "load-" + client, "subject", "Where is my parcel?")).get("caseId").asText();
                done = 0;
            } else {
                String action = WORK[done++];
                http.post("/api/cases/" + caseId + "/" + action, body(action));
            }
        }
    }

    private static final class HttpEcho implements Step {
        private final Http http;

        HttpEcho(Http http) {
            this.http = http;
        }

        @Override
        public void next() {
            http.post("/benchmark/echo", body("replies"));
        }
    }

    /** The commands of {@link HttpCases}, sent through the command gateway. */
    private static final class GatewayCases implements Step {
        private final CommandGateway gateway;
        private final int client;
        private String caseId;
        private int done = WORK.length;

        GatewayCases(CommandGateway gateway, int client) {
            this.gateway = gateway;
            this.client = client;
        }

        @Override
        public void next() {
            Object command;
            if (done == WORK.length) {
                caseId = UUID.randomUUID().toString();
                command = new OpenCase(caseId, CaseType.COMPLAINT, Channel.CHAT, Category.OTHER, Priority.NORMAL,
                        "direct-" + client, "Where is my parcel?", null, null, null, null);
                done = 0;
            } else {
                command = switch (WORK[done++]) {
                    case "assign" -> new AssignCase(caseId, "agent-1", null, null);
                    case "replies" -> new ReplyToCustomer(caseId, "agent-1", "On its way", null);
                    case "notes" -> new AddInternalNote(caseId, "agent-1", "Checked the carrier", null);
                    case "await-customer" -> new AwaitCustomer(caseId, "tracking number", null);
                    case "customer-messages" -> new RecordCustomerMessage(caseId, "Here it is", null, null);
                    case "resolve" -> new ResolveCase(caseId, "DELIVERED", null, null);
                    default -> new CloseCase(caseId, null);
                };
            }
            sendInProcess(gateway, command);
        }
    }

    private static Map<String, Object> body(String action) {
        return switch (action) {
            case "assign" -> Map.of("agentId", "agent-1");
            case "replies" -> Map.of("agentId", "agent-1", "body", "On its way");
            case "notes" -> Map.of("agentId", "agent-1", "body", "Checked the carrier");
            case "await-customer" -> Map.of("reason", "tracking number");
            case "customer-messages" -> Map.of("body", "Here it is");
            case "resolve" -> Map.of("resolutionCode", "DELIVERED");
            default -> Map.of();
        };
    }

    /** Appends generated cases straight through the storage engine until the store holds {@code events}. */
    private long fillStore(ConfigurableApplicationContext app, JdbcTemplate jdbc) throws Exception {
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        TransactionManager transactions = app.getBean(TransactionManager.class);
        long existing = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        // a year of cases, as many as the store's size takes: stories' length does not depend on when they open
        CaseStoryGenerator probe = new CaseStoryGenerator(seed, historyStart, Duration.ofDays(365), 1, 200, 500_000);
        double eventsPerCase = LongStream.range(0, 1000).map(i -> probe.story(i).events().size()).average().orElse(1);
        CaseStoryGenerator generator = new CaseStoryGenerator(seed, historyStart, Duration.ofDays(365),
                Math.max(1, Math.round((events - existing) / eventsPerCase)), 200, 500_000);
        AtomicLong appended = new AtomicLong();
        AtomicLong nextCase = new AtomicLong();
        int threads = 4;
        long started = System.nanoTime();
        runClients(threads, client -> {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            while (existing + appended.get() < events) {
                CaseStory story = generator.story(nextCase.getAndIncrement());
                String correlationId = UUID.randomUUID().toString();
                long sequence = 0;
                for (CaseEvent event : story.events()) {
                    batch.add(new GenericDomainEventMessage<>("SupportCase", story.caseId(), sequence++, event,
                            MetaData.from(Map.of(EventMetadata.ACTOR, "import", EventMetadata.CORRELATION_ID, correlationId,
                                    EventMetadata.CAUSATION_ID, correlationId))));
                }
                if (batch.size() >= 500) {
                    List<DomainEventMessage<?>> toAppend = batch;
                    transactions.executeInTransaction(() -> engine.appendEvents(toAppend));
                    appended.addAndGet(toAppend.size());
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                List<DomainEventMessage<?>> toAppend = batch;
                transactions.executeInTransaction(() -> engine.appendEvents(toAppend));
                appended.addAndGet(toAppend.size());
            }
        });
        double rate = appended.get() / ((System.nanoTime() - started) / 1e9);
        results.measure("event append rate", rate, "events/s", appended.get() + " events of " + nextCase.get()
                + " generated cases, batches of ~500, " + threads + " threads");
        return jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
    }

    private void plainJdbc(DataSource dataSource, JdbcTemplate jdbc) throws Exception {
        int rowBytes = jdbc.queryForObject("""
                select coalesce(avg(length(payload) + coalesce(length(meta_data), 0)), 600)::int
                from eventstore.domain_event_entry""", Integer.class);
        PlainJdbcBaseline baseline = new PlainJdbcBaseline(dataSource, rowBytes);
        baseline.createTable();
        results.measure("plain JDBC single-row inserts (8 connections)", baseline.singleRowInserts(8, seconds * 1000 / 2),
                "rows/s", "one row per transaction, rows of " + rowBytes + " bytes like a stored event");
        results.measure("plain JDBC batch inserts", baseline.batchInserts(500, seconds * 1000 / 2), "rows/s",
                "batches of 500 rows, one connection");
        results.measure("plain JDBC sequential read", baseline.sequentialRead(), "rows/s", "every row in id order");
        baseline.dropTable();
    }

    /** Open-loop load at the given rate; each client times its view catching up with its command. */
    private void consistencyLag(String baseUrl, double rate) throws Exception {
        Histogram lag = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long intervalNanos = (long) (clients * 1e9 / rate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong samples = new AtomicLong();
        runClients(client -> {
            Http http = new Http(baseUrl);
            String caseId = null;
            long next = System.nanoTime() + (long) (intervalNanos * (client / (double) clients));
            for (int i = 0; System.nanoTime() < deadline; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += intervalNanos;
                long version;
                if (i % 20 == 0) {
                    caseId = http.post("/api/cases", Map.of("type", "INQUIRY", "channel", "WEB", "customerId",
                            "lag-" + client, "subject", "Size chart?")).get("caseId").asText();
                    version = 0;
                } else {
                    version = http.post("/api/cases/" + caseId + "/replies",
                            Map.of("agentId", "agent-2", "body", "See the size chart")).get("version").asLong();
                }
                long answered = System.nanoTime();
                JsonNode view = http.get("/api/cases/" + caseId + "?minVersion=" + version);
                if (view.get("version").asLong() < version) {
                    throw new IllegalStateException("view behind");
                }
                record(lag, answered);
                samples.incrementAndGet();
            }
        });
        results.measure("consistency lag at half load (" + Math.round(rate) + " commands/s)",
                ms(lag.getValueAtPercentile(99)), "ms p99", "p50 " + ms(lag.getValueAtPercentile(50)) + " ms over "
                        + samples.get() + " commands; command answered -> case view at its version");
    }

    /**
     * A node's one-time look for personal text recorded in clear (it reads every event recorded since its last look)
     * runs in a thread of its own after each start; it must not run beside a measurement.
     */
    private static void awaitSealingLookedAtEverything() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("personal-data-sealing") && thread.isAlive())) {
            Thread.sleep(200);
        }
    }

    /**
     * Does at once the one-time work PostgreSQL does on its own some time after a bulk load (autovacuum freezing the
     * new rows and marking them visible, statistics), timed, so that the measurements after it meet the store as a
     * rebuild in service meets it rather than beside that work.
     */
    private void settleStore(JdbcTemplate jdbc) {
        long started = System.nanoTime();
        jdbc.execute("vacuum (freeze, analyze) eventstore.domain_event_entry");
        results.note("store settled", "vacuum (freeze, analyze) of the event table after the bulk load took "
                + Math.round((System.nanoTime() - started) / 1e9) + " s");
    }

    /** A reset of every projection's processor, which empties its tables and replays the whole store into them. */
    private void rebuild(Processors processors, long head, String name) throws Exception {
        long started;
        boolean done;
        try (HeapWatch heap = new HeapWatch()) {
            System.gc();
            CpuTime.Used before = cpu.now();
            started = System.nanoTime();
            processors.rebuildAll();
            done = processors.awaitPosition(head, TimeUnit.HOURS.toMillis(2));
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            results.measure(name, head / secondsTaken, "events/s",
                    head + " events into the 3 projections in " + Math.round(secondsTaken)
                            + " s; peak heap " + heap.peakBytes() / (1024 * 1024) + " MiB; " + cpu.now().since(before)
                            + "; " + CpuTime.load() + (done ? "" : " (timed out)"));
        }
    }

    /**
     * The rebuild an operator asks for ({@code POST /api/admin/projections/all/rebuild}): every projection built anew
     * beside the live one, which has caught up and keeps answering, until the switch.
     */
    private void rebuildBeside(String baseUrl, long head, String name) throws Exception {
        Http http = new Http(baseUrl);
        try (HeapWatch heap = new HeapWatch()) {
            System.gc();
            CpuTime.Used before = cpu.now();
            long started = System.nanoTime();
            http.post("/api/admin/projections/all/rebuild", Map.of());
            JsonNode status = http.get("/api/admin/projections").get(0);
            while (!status.get("status").asText().equals("LIVE")) {
                Thread.sleep(100);
                status = http.get("/api/admin/projections").get(0);
            }
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            results.measure(name, head / secondsTaken, "events/s",
                    head + " events in " + Math.round(secondsTaken) + " s, " + status.get("lastRebuild").get("outcome")
                            .asText() + "; peak heap " + heap.peakBytes() / (1024 * 1024) + " MiB; "
                            + cpu.now().since(before) + "; " + CpuTime.load());
        }
    }

    /**
     * Axon's pooled processor alone on the same store, with a handler that only deserializes: once with the
     * projections' processor settings (segments, threads, batch size), once with four segments on four threads, which
     * lets it deserialize on both cores. The faster of the two is the floor both rebuilds are held against: the one
     * beside the live projections (what the product runs) and the reset in place.
     */
    private void dispatchFloor(ConfigurableApplicationContext app, long head) throws Exception {
        Environment settings = app.getEnvironment();
        String prefix = "axon.eventhandling.processors.case-projections.";
        int segments = settings.getProperty(prefix + "initial-segment-count", Integer.class, 1);
        int threads = settings.getProperty(prefix + "thread-count", Integer.class, 1);
        int batchSize = settings.getProperty(prefix + "batch-size", Integer.class, 1000);
        double projectionSettings = floor(app, head, "Axon pooled processor alone", segments, threads, batchSize,
                "the projections' processor settings");
        double fourSegments = floor(app, head, "Axon pooled processor alone, 4 segments", 4, 4, 500,
                "the settings that let it use both cores");
        double floor = Math.max(projectionSettings, fourSegments);
        results.ratio("rebuild beside the live projections vs Axon's pooled processor alone (the faster)",
                results.value("rebuild beside the live projections, to the switch"), floor);
        results.ratio("full rebuild in place vs Axon's pooled processor alone (the faster)",
                results.value("full rebuild of all projections"), floor);
    }

    private double floor(ConfigurableApplicationContext app, long head, String name, int segments, int threads,
                         int batchSize, String which) throws Exception {
        DispatchFloor floor = new DispatchFloor(app.getBean(EventStore.class), segments, threads, batchSize);
        CpuTime.Used before = cpu.now();
        double rate = floor.readTo(head, TimeUnit.MINUTES.toMillis(30));
        results.measure(name, rate, "events/s", which + " (" + segments + " segments, " + threads + " threads, batches of "
                + batchSize + ") with a handler that only deserializes; " + cpu.now().since(before) + "; "
                + CpuTime.load());
        return rate;
    }

    /**
     * The auditors' bulk reads: the export feed against a plain read of the same table, the whole-store verify, and
     * the report as of an instant just after the last event over the whole history, which folds every stored event.
     */
    private void ledger(DataSource dataSource, String baseUrl, long head, EventStorageEngine engine) throws Exception {
        LedgerMeasurements ledger = new LedgerMeasurements(dataSource, baseUrl);
        // the plain read, the engine's read, the export and the report as of an instant are each measured after one
        // untimed pass of their own, as the HTTP measurements are after a warm-up: the JIT has compiled the code each
        // runs, and PostgreSQL holds the table
        ledger.plainStoreRead();
        double plain = ledger.plainStoreRead();
        results.measure("plain JDBC read of the event store", plain, "events/s",
                "every stored event in global order with the columns the feed shows, one connection, after a pass "
                        + "of warm-up");
        ledger.engineRead(engine);
        results.measure("Axon's storage engine read of the event store", ledger.engineRead(engine), "events/s",
                "the events in global order as the feed reads them, none deserialized, after a pass of warm-up");
        ledger.feedExport();
        CpuTime.Used before = cpu.now();
        LedgerMeasurements.Rate feed = ledger.feedExport();
        results.measure("export feed, NDJSON", feed.perSecond(), "events/s", feed.count() + " events, "
                + feed.bytes() / (1024 * 1024) + " MiB in " + Math.round(feed.seconds()) + " s in one request, after one "
                + "of warm-up; "
                + cpu.now().since(before));
        results.ratio("export feed vs plain read of the event store", feed.perSecond(), plain);
        before = cpu.now();
        LedgerMeasurements.Rate verify = ledger.verify();
        results.measure("verify the whole store", verify.perSecond(), "events/s", verify.count()
                + " events' hash chains recomputed in " + Math.round(verify.seconds()) + " s; " + cpu.now().since(before));
        Thread.sleep(2000);
        Instant asOf = Instant.now().minusSeconds(1);
        ledger.asOfReport("from=" + historyStart + "&asOf=" + asOf);
        try (HeapWatch heap = new HeapWatch()) {
            System.gc();
            before = cpu.now();
            double taken = ledger.asOfReport("from=" + historyStart + "&asOf=" + asOf);
            results.measure("report as of an instant, whole history", taken, "s", head + " events recorded up to it, "
                    + "streamed and folded, after one of warm-up; peak heap " + heap.peakBytes() / (1024 * 1024) + " MiB (whole JVM); "
                    + cpu.now().since(before));
        }
    }

    /**
     * 90-day reports by day and by agent, one after another: from this process after as many requests of warm-up,
     * then, when wrk is installed, from a separate process for half the seconds of an HTTP measurement.
     */
    private void reportLatency(String baseUrl) throws Exception {
        Http http = new Http(baseUrl);
        Optional<WrkLoad> wrk = WrkLoad.find();
        Instant from = historyStart.plus(Duration.ofDays(180));
        Instant to = from.plus(Duration.ofDays(90));
        for (String groupBy : List.of("day", "agent")) {
            String path = "/api/reports/service-levels?from=" + from + "&to=" + to + "&groupBy=" + groupBy;
            long cases = http.get(path).get("total").get("casesOpened").asLong();
            for (int i = 0; i < REPORTS; i++) {
                http.received(path);
            }
            Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            for (int i = 0; i < REPORTS; i++) {
                long t0 = System.nanoTime();
                http.received(path);
                record(latency, t0);
            }
            results.measure("90-day report by " + groupBy, ms(latency.getValueAtPercentile(99)), "ms p99",
                    "p50 " + ms(latency.getValueAtPercentile(50)) + " ms; " + cases + " cases in the period, the whole "
                            + "answer received by a client in this process, after " + REPORTS + " of warm-up; "
                            + CpuTime.load());
            if (wrk.isPresent()) {
                WrkLoad.Run run = wrk.get().get(baseUrl + path, Math.max(1, seconds / 2));
                results.measure("90-day report by " + groupBy + ", asked by wrk", run.p99Millis(), "ms p99",
                        String.format("p50 %.1f ms; %.0f reports/s from one connection of a separate process; %s",
                                run.p50Millis(), run.requestsPerSecond(), CpuTime.load()));
            }
        }
    }

    /** Leaves the store as it is and the projections empty, for the next measurement to rebuild them. */
    private void resetProjections(Processors processors, JdbcTemplate jdbc) {
        Processors.NAMES.forEach(name -> processors.processor(name).shutDown());
        jdbc.update("delete from projections.token_entry");
    }

    /** The same rebuild with Axon's defaults: the projections' processor as a tracking processor, one segment, batch size 1. */
    private void axonDefaultRebuild(Path dataDir) throws Exception {
        Map<String, Object> defaults = new java.util.HashMap<>();
        for (String name : Processors.NAMES) {
            String prefix = "axon.eventhandling.processors." + name;
            defaults.put(prefix + ".mode", "tracking");
            defaults.put(prefix + ".batch-size", 1);
            defaults.put(prefix + ".thread-count", 1);
            defaults.put(prefix + ".initial-segment-count", 1);
        }
        try (ConfigurableApplicationContext app = start(dataDir, defaults)) {
            Processors processors = new Processors(app.getBean(EventProcessingConfiguration.class));
            long head = new JdbcTemplate(app.getBean(DataSource.class))
                    .queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
            long started = System.nanoTime();
            boolean done = processors.awaitPosition(head, TimeUnit.SECONDS.toMillis(baselineSeconds));
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            long position = Math.max(0, processors.lowestPosition());
            results.measure("Axon default rebuild", position / secondsTaken, "events/s", position + " of " + head
                    + " events in " + Math.round(secondsTaken) + " s" + (done ? "" : " (time-boxed)"));
        }
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private void runClients(Client client) throws Exception {
        runClients(clients, client);
    }

    private static void runClients(int count, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = i;
                running.add(pool.submit(() -> {
                    client.run(id);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void record(Histogram histogram, long startedNanos) {
        histogram.recordValue(Math.max(1, (System.nanoTime() - startedNanos) / 1000));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
