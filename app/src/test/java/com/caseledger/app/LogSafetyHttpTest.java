package com.caseledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs can be neither flooded nor forged through requests. */
@ExtendWith(OutputCaptureExtension.class)
class LogSafetyHttpTest extends CaseLedgerHttpTest {

    @Test
    void a_command_to_an_unknown_case_logs_no_stack_trace(CapturedOutput output) {
        int before = output.getOut().length() + output.getErr().length();

        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/cases/no-such-case-" + i + "/notes", Map.of("agentId", "a-1", "body", "hello"))
                    .getStatusCode().value()).isEqualTo(404);
        }

        String logged = output.getAll().substring(Math.min(before, output.getAll().length()));
        assertThat(logged).doesNotContain("AggregateNotFoundException", "\tat org.axonframework");
        assertThat(logged.lines().filter(line -> line.contains("no-such-case")).count()).isLessThanOrEqualTo(5);
    }

    @Test
    void a_logged_message_cannot_start_a_forged_line(CapturedOutput output) {
        LoggerFactory.getLogger(LogSafetyHttpTest.class)
                .warn("case {} refused", "x\n2026-01-01T00:00:00.000Z ERROR FORGED\r\nagain");

        assertThat(Arrays.stream(output.getAll().split("\n")))
                .noneMatch(line -> line.startsWith("2026-01-01T00:00:00.000Z") || line.startsWith("again"))
                .anyMatch(line -> line.contains("case x?2026-01-01T00:00:00.000Z ERROR FORGED??again refused"));
    }
}
