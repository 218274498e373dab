package com.caseledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** CaseLedger in one process: the command side and the query side on one event store. */
@SpringBootApplication(scanBasePackages = {"com.caseledger.platform", "com.caseledger.command", "com.caseledger.query"})
public class CaseLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseLedgerApplication.class, args);
    }
}
