package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.within;

/**
 * How the report tests compare a report's figures with the hand-worked ones, in JSON and in CSV alike: a figure
 * without data is null (an empty cell), any other agrees to within 1e-9.
 */
final class ReportExpectations {

    private static final double TOLERANCE = 1e-9;

    private ReportExpectations() {
    }

    /** A figure without data ({@code expected} null) is null or absent; otherwise a number close to the expected. */
    static void figure(SoftAssertions softly, String label, JsonNode actual, Double expected) {
        if (expected == null) {
            softly.assertThat(actual == null || actual.isNull()).as(label + " is null: " + actual).isTrue();
        } else {
            softly.assertThat(actual != null && actual.isNumber()).as(label + " is a number: " + actual).isTrue();
            if (actual != null && actual.isNumber()) {
                softly.assertThat(actual.asDouble()).as(label).isCloseTo(expected, within(TOLERANCE));
            }
        }
    }

    /** A rate given as its hand-counted quotient; it is null when its denominator is zero. */
    static void rate(SoftAssertions softly, String label, JsonNode actual, long numerator, long denominator) {
        figure(softly, label, actual, denominator == 0 ? null : (double) numerator / denominator);
    }

    /** A CSV cell: empty without data, otherwise a number close to the expected. */
    static void cell(SoftAssertions softly, String label, String actual, Double expected) {
        if (expected == null) {
            softly.assertThat(actual).as(label).isEmpty();
            return;
        }
        softly.assertThat(actual).as(label).isNotNull();
        double value;
        try {
            value = Double.parseDouble(actual);
        } catch (NumberFormatException | NullPointerException e) {
            softly.fail(label + " is not a number: " + actual);
            return;
        }
        softly.assertThat(value).as(label).isCloseTo(expected, within(TOLERANCE));
    }

    /** A CSV cell shows the JSON's figure: empty for null, a whole number as written, any other number closely. */
    static void cellShows(SoftAssertions softly, String label, String cell, JsonNode figure) {
        if (figure == null || figure.isNull()) {
            softly.assertThat(cell).as(label).isEmpty();
        } else if (figure.isIntegralNumber()) {
            softly.assertThat(cell).as(label).isEqualTo(figure.asText());
        } else {
            softly.assertThat(Double.parseDouble(cell)).as(label).isCloseTo(figure.asDouble(), within(TOLERANCE));
        }
    }
}
