package com.caseledger.command.casework.api;

import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.command.casework.NotPermitted;
import com.caseledger.command.casework.OccurredAtRejected;
import com.caseledger.command.casework.UnknownCasePart;
import com.caseledger.platform.web.FieldError;
import com.caseledger.platform.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** How refused case commands are answered: 409 for rules and history, 404 for unknown cases. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CaseCommandErrors {

    @ExceptionHandler(CaseRuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(CaseRuleViolation e) {
        return Problems.conflict(e.problemType(), e.title(), e.getMessage());
    }

    @ExceptionHandler(InvalidCaseInput.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidCaseInput e) {
        return Problems.invalidInput(e.field() + " " + e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(UnknownCasePart.class)
    public ResponseEntity<ProblemDetail> unknownPart(UnknownCasePart e) {
        return Problems.notFound(e.getMessage());
    }

    @ExceptionHandler(OccurredAtRejected.class)
    public ResponseEntity<ProblemDetail> occurredAtRejected(OccurredAtRejected e) {
        List<FieldError> errors = List.of(new FieldError("occurredAt", e.getMessage()));
        if (!e.conflictsWithHistory()) {
            return Problems.invalidInput(e.getMessage(), errors);
        }
        ResponseEntity<ProblemDetail> conflict = Problems.conflict("out-of-order", "Out of order", e.getMessage());
        conflict.getBody().setProperty("errors", errors);
        return conflict;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> unknownCase(AggregateNotFoundException e) {
        return Problems.notFound("No case " + Problems.echo(e.getAggregateIdentifier()) + " exists.");
    }

    @ExceptionHandler(NotPermitted.class)
    public ResponseEntity<ProblemDetail> notPermitted(NotPermitted e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.problem(HttpStatus.FORBIDDEN, e.problemType(), e.title(), e.getMessage()));
    }

    /** An {@code If-Match} the case no longer matches: 412, and the client reads the case again. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                "The case is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + " as If-Match requires; nothing was applied. Read the case again and decide anew.");
        problem.setProperty("errors", List.of(new FieldError(CaseCommandSender.IF_MATCH,
                "the case is at version " + e.getActualVersion())));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> versionConflict(ConcurrencyException e) {
        return Problems.conflict("version-conflict", "Version conflict",
                "The case changed while this command was being decided; read it again and retry.");
    }
}
