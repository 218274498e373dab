package com.caseledger.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the headers every command reads: {@code Idempotency-Key}, {@code X-Correlation-Id}, {@code X-Actor} (imports only),
 * {@code If-Match} on a case's commands, and the ETag their answers carry. They are read by the command sender, not
 * declared on each controller method, so springdoc cannot see them.
 */
@Component
public class CommandHeaders implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/") || item.getPost() == null) {
                return;
            }
            var operation = item.getPost();
            add(operation, header("Idempotency-Key", "Makes a retry safe: a repeat with the same key and the same "
                    + "request answers the first answer again (with Idempotent-Replayed: true) and changes nothing; "
                    + "the same key with another request is 409. Keys are the sender's own, kept at least 24 hours",
                    "^[\\x21-\\x7E]{1,200}$"));
            if (!path.startsWith("/api/cases")) {
                return;
            }
            add(operation, header("X-Correlation-Id", "Ties the events of this request to a conversation; made up "
                    + "when absent", null));
            add(operation, header("X-Actor", "Only on an import (an ADMIN's command with occurredAt): who did it in "
                    + "the system the history comes from. Otherwise it may only name the signed-in user",
                    null));
            if (path.contains("{caseId}")) {
                add(operation, header("If-Match", "The case version the change is based on, such as \"7\" (a view's or "
                        + "a command answer's ETag); on a mismatch nothing is applied and the answer is 412",
                        "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$"));
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    tag(response);
                }
            });
        });
    }

    private static void add(io.swagger.v3.oas.models.Operation operation, Parameter parameter) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(known -> parameter.getName().equalsIgnoreCase(known.getName()));
        if (!present) {
            operation.addParametersItem(parameter);
        }
    }

    private static Parameter header(String name, String description, String pattern) {
        return new HeaderParameter().name(name).required(false).description(description)
                .schema(new StringSchema().maxLength(200).pattern(pattern));
    }

    private static void tag(ApiResponse response) {
        response.addHeaderObject("ETag", new Header().description("The case version after the command, quoted: "
                + "send it as If-Match with the next change").schema(new StringSchema()));
    }
}
