package com.caseledger.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the problem+json answers of every operation, which come from the exception handlers rather than
 * from the controllers' return types, so springdoc cannot see them: 401 and 403 from sign-in and roles, 400 (a body, parameter, path segment or
 * recorded header can be refused on every operation), 404 on a case's paths, 409 for commands on a case, 413 for a body too large, 406 and 415 from content negotiation, 500 for the
 * unexpected. An error answer an operation declares itself gets the same body, unless it already names the
 * ProblemDetail schema under a media type of its own.
 */
@Component
public class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String FIELD_ERROR_SCHEMA = "FieldError";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(FIELD_ERROR_SCHEMA, fieldError()).addSchemas(PROBLEM_SCHEMA, problemDetail());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.setResponses(withProblems(path, method, operation))));
    }

    private static ApiResponses withProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean hasBody = operation.getRequestBody() != null;
        boolean onCase = path.contains("{caseId}");
        Map<String, ApiResponse> responses = new TreeMap<>(operation.getResponses());
        // every operation refuses query parameters it does not take, and control characters in a path segment
        responses.putIfAbsent("400", problem("Invalid input: `errors` names each refused field, parameter or header"));
        if (onCase) {
            responses.putIfAbsent("404", problem("No such case, or no such refund or follow-up call on it"));
        }
        if (onCase && method == PathItem.HttpMethod.POST) {
            responses.putIfAbsent("409", problem("Refused by the case's rules or history: its status forbids it, a refund "
                    + "above the order amount, an occurredAt before its latest event (with `errors`), a concurrent change, "
                    + "or an Idempotency-Key already used for another request"));
        }
        if (method == PathItem.HttpMethod.POST) {
            responses.putIfAbsent("409", problem("An Idempotency-Key already used for another request"));
        }
        responses.putIfAbsent("401", problem("No credentials, or wrong ones: sign in (HTTP Basic, or a bearer token)"));
        responses.putIfAbsent("403", problem("The signed-in user's roles do not allow this (or, for a command, "
                + "what it names: another actor, an import, an approval of one's own request); nothing was recorded"));
        if (onCase && method == PathItem.HttpMethod.POST) {
            responses.putIfAbsent("412", problem("The case is no longer at the version If-Match names; nothing was "
                    + "applied (`errors` names If-Match)"));
        }
        responses.putIfAbsent("406", problem("The Accept header asks for a media type this operation does not answer"));
        if (hasBody) {
            responses.putIfAbsent("413", problem("The body is larger than caseledger.web.max-body-size (256KB by default)"));
            responses.putIfAbsent("415", problem("The body is not application/json"));
        }
        responses.putIfAbsent("500", problem("An unexpected failure; nothing was recorded unless a later read shows it"));
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && !describesProblem(response)) {
                response.setContent(problemContent());
            }
        });
        ApiResponses documented = new ApiResponses();
        responses.forEach(documented::addApiResponse);
        return documented;
    }

    private static boolean describesProblem(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .anyMatch(media -> media.getSchema() != null
                        && ("#/components/schemas/" + PROBLEM_SCHEMA).equals(media.getSchema().get$ref()));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: why a request was refused or failed")
                .addProperty("type", new StringSchema().format("uri")
                        .description("The kind of problem, such as urn:caseledger:problem:not-found"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)).description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().description("The path of the refused request"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA))
                        .description("The refused fields (400 and an out-of-order occurredAt)"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One refused input field or parameter")
                .addProperty("field", new StringSchema().description("The field's path in the body, or the parameter's name"))
                .addProperty("message", new StringSchema().description("Why it was refused"))
                .required(List.of("field", "message"));
    }
}
