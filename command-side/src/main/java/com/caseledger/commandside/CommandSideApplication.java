package com.caseledger.commandside;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: takes case commands and records their events. */
@SpringBootApplication(scanBasePackages = {"com.caseledger.platform", "com.caseledger.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
