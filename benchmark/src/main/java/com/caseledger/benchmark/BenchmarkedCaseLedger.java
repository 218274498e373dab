package com.caseledger.benchmark;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** CaseLedger as the benchmark runs it: both sides in the harness's process, on its own embedded PostgreSQL. */
@SpringBootApplication(scanBasePackages = {"com.caseledger.platform", "com.caseledger.command", "com.caseledger.query",
        "com.caseledger.benchmark.floor"})
public class BenchmarkedCaseLedger {
}
