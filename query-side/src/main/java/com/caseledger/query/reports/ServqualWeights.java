package com.caseledger.query.reports;

import com.caseledger.events.ServqualDimension;
import com.caseledger.platform.web.InvalidInputException;
import com.caseledger.platform.web.Problems;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Importance weights of the five SERVQUAL dimensions, summing to 100; equal (20 each) unless given. */
public record ServqualWeights(Map<ServqualDimension, BigDecimal> weights) {

    /** A weight as given: a plain decimal, never an exponent that would make adding them up expensive. */
    static final Pattern WEIGHT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,2})?");

    static final String PARAMETER = "servqualWeights";
    private static final BigDecimal TOTAL = BigDecimal.valueOf(100);

    public static ServqualWeights equal() {
        Map<ServqualDimension, BigDecimal> weights = new EnumMap<>(ServqualDimension.class);
        for (ServqualDimension dimension : ServqualDimension.values()) {
            weights.put(dimension, TOTAL.divide(BigDecimal.valueOf(ServqualDimension.values().length)));
        }
        return new ServqualWeights(weights);
    }

    /** Parses {@code TANGIBLES:10,RELIABILITY:30,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20}. */
    public static ServqualWeights parse(String text) {
        if (text == null || text.isBlank()) {
            return equal();
        }
        Map<ServqualDimension, BigDecimal> weights = new EnumMap<>(ServqualDimension.class);
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            if (parts.length != 2) {
                throw invalid("'" + Problems.echo(pair.strip()) + "' is not DIMENSION:weight");
            }
            ServqualDimension dimension;
            BigDecimal weight;
            try {
                dimension = ServqualDimension.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("'" + Problems.echo(parts[0].strip()) + "' is not one of " + java.util.Arrays.toString(ServqualDimension.values()));
            }
            String given = parts[1].strip();
            if (!WEIGHT.matcher(given).matches()) {
                throw invalid("'" + Problems.echo(given) + "' is not a weight from 0 to 100 with at most two decimals");
            }
            weight = new BigDecimal(given);
            if (weights.put(dimension, weight) != null) {
                throw invalid(dimension + " is given twice");
            }
        }
        if (weights.size() != ServqualDimension.values().length) {
            throw invalid("give a weight for each of the five dimensions " + java.util.Arrays.toString(ServqualDimension.values()));
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(TOTAL) != 0) {
            throw invalid("the weights must sum to 100, not " + sum.toPlainString());
        }
        return new ServqualWeights(weights);
    }

    public double of(ServqualDimension dimension) {
        return weights.get(dimension).doubleValue();
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(PARAMETER, message);
    }
}
