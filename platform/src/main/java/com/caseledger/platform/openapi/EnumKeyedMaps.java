package com.caseledger.platform.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map keyed by an enum (the SERVQUAL dimensions) takes and gives only the enum's names as keys; OpenAPI 3.0
 * cannot constrain map keys, so the document lists one optional property per name and allows no others.
 */
@Component
public class EnumKeyedMaps implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Class<?> keys = enumKeys(type.getType());
        if (keys == null || !(property.getAdditionalProperties() instanceof Schema values)) {
            return property;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Object key : keys.getEnumConstants()) {
            properties.put(((Enum<?>) key).name(), values);
        }
        property.setProperties(properties);
        property.setAdditionalProperties(false);
        return property;
    }

    private static Class<?> enumKeys(Type type) {
        if (type instanceof JavaType javaType && javaType.isMapLikeType()) {
            Class<?> keys = javaType.getKeyType().getRawClass();
            return keys.isEnum() ? keys : null;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Map.class.isAssignableFrom(raw) && parameterized.getActualTypeArguments()[0] instanceof Class<?> keys
                && keys.isEnum()) {
            return keys;
        }
        return null;
    }
}
