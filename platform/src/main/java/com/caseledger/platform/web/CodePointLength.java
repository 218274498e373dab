package com.caseledger.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Size} on text counts characters as the OpenAPI document's {@code maxLength} does (Unicode code points),
 * not UTF-16 units: a subject of 200 emoji is 200 characters long, as a client reading the document expects.
 */
public class CodePointLength implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        int length = text.codePointCount(0, text.length());
        return length >= min && length <= max;
    }

    /** Registers the count for text beside Hibernate Validator's own, which still judge lists and maps. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ValidationConfigurationCustomizer codePointLength() {
            return configuration -> {
                if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                    ConstraintMapping mapping = hibernate.createConstraintMapping();
                    mapping.constraintDefinition(Size.class).includeExistingValidators(true)
                            .validatedBy(CodePointLength.class);
                    hibernate.addMapping(mapping);
                }
            };
        }
    }
}
