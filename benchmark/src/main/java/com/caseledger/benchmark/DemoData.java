package com.caseledger.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Fills a running CaseLedger with generated cases through its HTTP API, for a demo:
 * {@code java -cp benchmark/target/caseledger-benchmark.jar -Dloader.main=com.caseledger.benchmark.DemoData
 * org.springframework.boot.loader.launch.PropertiesLauncher [baseUrl] [cases] [seed]}.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void main(String[] args) {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60));
        CaseStoryGenerator generator = new CaseStoryGenerator(seed, start, Duration.ofDays(28), cases, 12, cases * 2);
        HttpStoryWriter writer = new HttpStoryWriter(new Http(baseUrl));
        int commands = 0;
        for (int i = 0; i < cases; i++) {
            commands += writer.write(generator.story(i));
        }
        System.out.printf("Recorded %d cases with %d commands at %s (seed %d)%n", cases, commands, baseUrl, seed);
    }
}
