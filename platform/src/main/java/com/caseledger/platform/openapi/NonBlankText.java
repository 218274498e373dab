package com.caseledger.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;

/**
 * A {@code @NotBlank} text refuses "" and whitespace alone, but the {@code @Size} beside it is read as minLength 0,
 * after any property customizer has run. So the property first gets the pattern "a character that is not a space",
 * and once the document is complete every text with that pattern gets minLength 1.
 */
@Component
public class NonBlankText implements PropertyCustomizer, OpenApiCustomizer {

    static final String NOT_ONLY_WHITESPACE = "\\S";

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        boolean notBlank = type.getCtxAnnotations() != null
                && Arrays.stream(type.getCtxAnnotations()).anyMatch(NotBlank.class::isInstance);
        if (notBlank && property != null && "string".equals(property.getType()) && property.getPattern() == null) {
            property.setPattern(NOT_ONLY_WHITESPACE);
        }
        return property;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        schemas.values().stream()
                .filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> ((Map<String, Schema>) schema.getProperties()).values().stream())
                .filter(property -> NOT_ONLY_WHITESPACE.equals(property.getPattern()))
                .filter(property -> property.getMinLength() == null || property.getMinLength() < 1)
                .forEach(property -> property.setMinLength(1));
    }
}
