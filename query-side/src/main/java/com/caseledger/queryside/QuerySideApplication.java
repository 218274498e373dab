package com.caseledger.queryside;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone: projects the event store into case views and reports, and answers queries. */
@SpringBootApplication(scanBasePackages = {"com.caseledger.platform", "com.caseledger.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
