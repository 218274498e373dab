package com.caseledger.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * In OpenAPI 3.0 a {@code $ref} ignores the keywords beside it, so a property of a documented type (Money) would
 * lose its {@code @Schema} description and nullability. A described one wraps the reference in {@code allOf}; a
 * nullable one becomes "the type, or null" in the form strict validators and client generators both read:
 * {@code anyOf: [$ref, {nullable: true, enum: [null]}]}.
 */
@Component
public class ReferenceProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Optional<io.swagger.v3.oas.annotations.media.Schema> declared = declared(type);
        if (property == null || property.get$ref() == null || declared.isEmpty()) {
            return property;
        }
        String description = declared.get().description().isEmpty() ? null : declared.get().description();
        Schema reference = new Schema<>().$ref(property.get$ref());
        if (declared.get().nullable()) {
            Schema nullValue = new Schema<>().nullable(true);
            nullValue.setEnum(Arrays.asList((Object) null));
            return new Schema<>().nullable(true).description(description).anyOf(List.of(reference, nullValue));
        }
        if (description != null) {
            return new Schema<>().description(description).allOf(List.of(reference));
        }
        return property;
    }

    private static Optional<io.swagger.v3.oas.annotations.media.Schema> declared(AnnotatedType type) {
        return type.getCtxAnnotations() == null ? Optional.empty() : Arrays.stream(type.getCtxAnnotations())
                .filter(io.swagger.v3.oas.annotations.media.Schema.class::isInstance)
                .map(io.swagger.v3.oas.annotations.media.Schema.class::cast)
                .findFirst();
    }
}
