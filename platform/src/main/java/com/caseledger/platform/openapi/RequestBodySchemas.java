package com.caseledger.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Request bodies as the server reads them: a field the request does not have is refused, and a field that is not
 * required may be sent as null (generated clients send absent values so) and is then treated as absent.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestBodySchemas implements OpenApiCustomizer {

    private static final String REFERENCE_PREFIX = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(RequestBodySchemas::jsonBody)
                .filter(Objects::nonNull)
                .map(body -> body.getSchema() == null ? null : body.getSchema().get$ref())
                .filter(reference -> reference != null && reference.startsWith(REFERENCE_PREFIX))
                .map(reference -> schemas.get(reference.substring(REFERENCE_PREFIX.length())))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(schema -> {
                    schema.setAdditionalProperties(false);
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    if (schema.getProperties() != null) {
                        ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
                            if (!required.contains(name) && property.get$ref() == null) {
                                property.setNullable(true);
                            }
                        });
                    }
                });
    }

    private static MediaType jsonBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        return operation.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
    }
}
