package com.caseledger.platform.web;

import com.caseledger.events.Money;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;

import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/**
 * How request bodies are read: strictly. A number is not an enum, a string, a flag or a date, nor a string a number;
 * a key appears once; a field
 * the request does not have is refused, as is text a request may not carry ({@link RequestText}). This mapper reads
 * and writes HTTP bodies only: stored events keep the application's own mapper, so an event stored before a rule
 * existed stays readable.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput {

    @Bean
    public MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper applicationMapper) {
        return new ObjectBodies(strict(applicationMapper));
    }

    /**
     * A body, when given, is one JSON object: a literal {@code null} is refused rather than taken as no body, so a
     * client that serialized a variable it forgot to fill does not apply a command whose body is optional.
     */
    static final class ObjectBodies extends MappingJackson2HttpMessageConverter {
        ObjectBodies(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) throws IOException {
            Object body = super.read(type, contextClass, input);
            if (body == null) {
                throw new HttpMessageNotReadableException("The request body is null",
                        MismatchedInputException.from(null, (Class<?>) null, "a JSON null, not an object"), input);
            }
            return body;
        }
    }

    static ObjectMapper strict(ObjectMapper applicationMapper) {
        ObjectMapper mapper = applicationMapper.copy();
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.registerModule(new SimpleModule("caseledger-request-rules")
                .addDeserializer(String.class, new RequestTextDeserializer())
                .addDeserializer(Money.class, new MoneyDeserializer())
                .addDeserializer(Instant.class, new InstantDeserializer()));
        return mapper;
    }

    /** A refused value, with a message a client can act on; the path names the field. */
    static final class RefusedValue extends JsonMappingException {
        RefusedValue(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class RequestTextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && RequestText.freeTextProblem(text).isPresent()) {
                throw new RefusedValue(parser, RequestText.FREE_TEXT_RULE);
            }
            return text;
        }
    }

    /** An instant as the contract writes it: an ISO-8601 string such as 2026-03-01T09:00:00Z, never a number. */
    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().strip();
            try {
                return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text));
            } catch (DateTimeException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    /** Money as the contract writes it: {@code {"amount": "12.50", "currency": "CNY"}}, in a currency one can pay in. */
    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                throw new RefusedValue(parser, "must be an object such as {\"amount\": \"12.50\", \"currency\": \"CNY\"}");
            }
            String amount = null;
            String currency = null;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "amount" -> amount = text(parser, value, field,
                            "must be a decimal string such as \"12.50\"");
                    case "currency" -> currency = text(parser, value, field,
                            "must be an ISO 4217 currency code such as \"CNY\"");
                    default -> throw refused(parser, field, "is not a field of money (amount, currency)");
                }
            }
            if (amount == null) {
                throw refused(parser, "amount", "is required");
            }
            if (currency == null) {
                throw refused(parser, "currency", "is required");
            }
            if (!amount.matches("[0-9]{1,15}(\\.[0-9]{1,2})?")) {
                throw refused(parser, "amount", "must be a decimal string greater than zero with at most 15 digits "
                        + "before and 2 after the decimal point, such as \"12.50\"");
            }
            if (!tender(currency)) {
                throw refused(parser, "currency", "must be the ISO 4217 code of a currency one can pay in, such as \"CNY\"");
            }
            try {
                return new Money(new BigDecimal(amount), currency);
            } catch (IllegalArgumentException e) {
                throw refused(parser, "amount", e.getMessage());
            }
        }

        private static String text(JsonParser parser, JsonToken token, String field, String rule) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw refused(parser, field, rule);
            }
            return parser.getText();
        }

        /** Funds, precious metals and the test and "no currency" codes (XXX, XTS) have no minor unit. */
        private static boolean tender(String code) {
            if (!code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static JsonMappingException refused(JsonParser parser, String field, String message) {
            RefusedValue refused = new RefusedValue(parser, message);
            refused.prependPath(Money.class, field);
            return refused;
        }
    }
}
