package com.caseledger.platform.openapi;

import com.caseledger.events.Money;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.List;

/**
 * Money travels as {@code {"amount": "12.50", "currency": "CNY"}}: the amount is a decimal string (shared-events
 * carries no OpenAPI annotations, so its schema is written here from the rules {@link Money} enforces).
 */
@Component
public class MoneySchema implements OpenApiCustomizer {

    static final String NAME = "Money";
    /** Greater than zero, at most 15 digits before the point and 2 after. */
    static final String AMOUNT_PATTERN = "^(?=.*[1-9])[0-9]{1," + Money.MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + Money.SCALE + "})?$";
    static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
    /** The currencies with a minor unit: the ones an order can be paid and refunded in. */
    static final List<String> TENDER = Currency.getAvailableCurrencies().stream()
            .filter(currency -> currency.getDefaultFractionDigits() >= 0)
            .map(Currency::getCurrencyCode).sorted().toList();

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(NAME)) {
            return;
        }
        api.getComponents().addSchemas(NAME, new ObjectSchema()
                .description("An exact amount of money in one currency")
                .addProperty("amount", new StringSchema().pattern(AMOUNT_PATTERN).example("12.50")
                        .description("A decimal string greater than zero, with at most " + Money.MAX_INTEGER_DIGITS
                                + " digits before the point and " + Money.SCALE + " after; answered with exactly "
                                + Money.SCALE + " decimals"))
                .addProperty("currency", new StringSchema().pattern(CURRENCY_PATTERN).example("CNY")
                        ._enum(TENDER).description("The ISO 4217 code of a currency one can pay in (not XXX, XTS, "
                                + "funds or metals)"))
                .additionalProperties(false)
                .required(List.of("amount", "currency")));
    }
}
