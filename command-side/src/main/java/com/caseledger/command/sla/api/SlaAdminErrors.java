package com.caseledger.command.sla.api;

import com.caseledger.command.sla.InvalidSlaDefinition;
import com.caseledger.command.sla.UnknownSlaDefinition;
import com.caseledger.events.sla.InvalidCalendar;
import com.caseledger.platform.web.FieldError;
import com.caseledger.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** How refused SLA changes are answered: 400 naming the field, 404 for a policy not in force, 409 for a race. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SlaAdminErrors {

    /** Another change of the SLA definitions was recorded between loading them and recording this one. */
    static class ConcurrentSlaChange extends RuntimeException {
    }

    @ExceptionHandler(InvalidSlaDefinition.class)
    public ResponseEntity<ProblemDetail> invalidDefinition(InvalidSlaDefinition e) {
        return invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidCalendar.class)
    public ResponseEntity<ProblemDetail> invalidCalendar(InvalidCalendar e) {
        return invalid(e.field(), e.reason());
    }

    @ExceptionHandler(UnknownSlaDefinition.class)
    public ResponseEntity<ProblemDetail> unknown(UnknownSlaDefinition e) {
        return Problems.notFound(e.getMessage());
    }

    @ExceptionHandler(ConcurrentSlaChange.class)
    public ResponseEntity<ProblemDetail> concurrentChange(ConcurrentSlaChange e) {
        return Problems.conflict("version-conflict", "Version conflict",
                "Another change of the SLA definitions was recorded at the same moment; nothing of this one was "
                        + "recorded. Read the definitions again and retry.");
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        String echoed = Problems.echo(message);
        return Problems.invalidInput(field + " " + echoed, List.of(new FieldError(field, echoed)));
    }
}
