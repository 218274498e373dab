package com.caseledger.events;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount of money in one ISO 4217 currency, never more precise than cents.
 * Amounts travel as decimal strings so no reader turns them into a floating point number.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public static final int SCALE = 2;
    /** Digits before the decimal point: enough for any order, and checked before any arithmetic. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("has more than " + SCALE + " decimal places: " + amount.toPlainString());
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("must be greater than zero: " + amount.toPlainString());
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has an unknown ISO 4217 currency: " + currency);
        }
        amount = amount.setScale(SCALE);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
