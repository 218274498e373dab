package com.caseledger.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside CaseLedger's endpoints (a body Tomcat cannot read, a filter's refusal) are forwarded
 * here by the servlet container; they are answered as problem+json like every other error, without echoing the path.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = {
            MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String detail = status.is5xxServerError()
                ? "The request could not be completed; nothing was recorded by this request unless a later read shows it."
                : status == HttpStatus.NOT_FOUND && code == null
                ? "There is nothing at this path."
                : "The request was refused before it reached CaseLedger: it is not a well-formed HTTP request.";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, "http-" + status.value(), status.getReasonPhrase(), detail));
    }
}
