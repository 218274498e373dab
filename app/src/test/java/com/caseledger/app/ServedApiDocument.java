package com.caseledger.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The OpenAPI document CaseLedger serves at {@code /v3/api-docs}, read once per JVM, as the judge of every answer
 * the HTTP tests receive: a status, content type or body it does not describe is a document that misleads clients.
 * Only answers are judged: many tests send malformed requests on purpose, and the document rightly refuses those.
 * Answers outside {@code /api/} (the document itself, Swagger UI) are not part of the API.
 */
final class ServedApiDocument {

    static final String PATH = "/v3/api-docs";

    private static OpenApiInteractionValidator validator;

    private ServedApiDocument() {
    }

    /** The ways an answer to {@code method path} breaks the served document; empty when it keeps to it. */
    static List<String> violations(TestRestTemplate http, HttpMethod method, String path, ResponseEntity<String> answer) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!route.startsWith("/api/")) {
            return List.of();
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.getStatusCode().value())
                .withBody(answer.getBody());
        answer.getHeaders().forEach(response::withHeader);
        ValidationReport report = validator(http).validateResponse(route, Request.Method.valueOf(method.name()),
                response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> method + " " + path + " answered " + answer.getStatusCode().value() + " "
                        + answer.getHeaders().getContentType() + ": " + message.getKey() + ": " + message.getMessage()
                        + message.getNestedMessages().stream().map(nested -> "\n    " + nested.getMessage())
                        .collect(Collectors.joining())
                        + "\n    answer: " + answer.getBody())
                .toList();
    }

    private static synchronized OpenApiInteractionValidator validator(TestRestTemplate http) {
        if (validator == null) {
            ResponseEntity<String> document = http.getForEntity(PATH, String.class);
            if (!document.getStatusCode().is2xxSuccessful() || document.getBody() == null) {
                throw new AssertionError("No OpenAPI document at " + PATH + ": " + document.getStatusCode());
            }
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.getBody())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            // an answer from an operation the document lacks is still an undocumented answer
                            .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                            .build())
                    .build();
        }
        return validator;
    }
}
