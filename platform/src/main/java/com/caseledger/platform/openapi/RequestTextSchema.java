package com.caseledger.platform.openapi;

import com.caseledger.platform.web.SingleLine;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The text rules of {@code RequestText} as patterns, so that a client generator or a fuzzer knows them: free text
 * holds no control characters but tab and line breaks, identifiers, query values and path segments none at all, and
 * a {@code @NotBlank} text has a character that is not a space. The {@code @Size} beside a text is read as minLength
 * 0 after every property customizer has run, so texts that must not be blank get minLength 1 once the document is
 * complete, as do query values and path segments (an empty one is refused).
 */
@Component
public class RequestTextSchema implements PropertyCustomizer, OpenApiCustomizer {

    private static final String FREE_TEXT_CHARACTERS = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF]*";
    private static final String SINGLE_LINE_CHARACTERS = "[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\uFFFE\\uFFFF]*";
    /** Not blank as the server counts it: a character above U+0020 (what String.trim() keeps). */
    private static final String NOT_BLANK = "(?=[\\s\\S]*[^\\u0000-\\u0020])";
    static final String FREE_TEXT = "^" + FREE_TEXT_CHARACTERS + "$";
    static final String NOT_BLANK_FREE_TEXT = "^" + NOT_BLANK + FREE_TEXT_CHARACTERS + "$";
    static final String SINGLE_LINE = "^" + SINGLE_LINE_CHARACTERS + "$";
    static final String NOT_BLANK_SINGLE_LINE = "^" + NOT_BLANK + SINGLE_LINE_CHARACTERS + "$";

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || !"string".equals(property.getType()) || property.getPattern() != null
                || property.getEnum() != null || property.getFormat() != null) {
            return property;
        }
        boolean notBlank = annotated(type, NotBlank.class);
        if (annotated(type, SingleLine.class)) {
            property.setPattern(notBlank ? NOT_BLANK_SINGLE_LINE : SINGLE_LINE);
        } else if (notBlank || annotated(type, Size.class)) {
            property.setPattern(notBlank ? NOT_BLANK_FREE_TEXT : FREE_TEXT);
        }
        return property;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas != null) {
            schemas.values().stream()
                    .filter(schema -> schema.getProperties() != null)
                    .flatMap(schema -> ((Map<String, Schema>) schema.getProperties()).values().stream())
                    .filter(property -> NOT_BLANK_FREE_TEXT.equals(property.getPattern())
                            || NOT_BLANK_SINGLE_LINE.equals(property.getPattern()))
                    .filter(property -> property.getMinLength() == null || property.getMinLength() < 1)
                    .forEach(property -> property.setMinLength(1));
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(RequestTextSchema::oneLineAndNotEmpty);
            }
        }));
    }

    /** Query values and path segments: never empty, never a control character. */
    @SuppressWarnings("rawtypes")
    private static void oneLineAndNotEmpty(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || !"string".equals(schema.getType())) {
            return;
        }
        if (schema.getMinLength() == null || schema.getMinLength() < 1) {
            schema.setMinLength(1);
        }
        if (schema.getPattern() == null && schema.getEnum() == null && schema.getFormat() == null) {
            schema.setPattern(SINGLE_LINE);
        }
    }

    private static boolean annotated(AnnotatedType type, Class<? extends Annotation> annotation) {
        return type.getCtxAnnotations() != null
                && Arrays.stream(type.getCtxAnnotations()).filter(Objects::nonNull).anyMatch(annotation::isInstance);
    }
}
