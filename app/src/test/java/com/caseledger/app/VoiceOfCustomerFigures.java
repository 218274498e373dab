package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.caseledger.app.ReportExpectations.cell;
import static com.caseledger.app.ReportExpectations.figure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The voice-of-customer figures a cohort must show (refunds, follow-up calls, CSAT, NPS, SERVQUAL), worked out by
 * hand; refunded amounts as "amount CUR" in currency order. A figure without data is null.
 */
record VoiceOfCustomerFigures(long opened, Double refundRate, List<String> refundedAmount,
                              Double followUpCompletionRate, Double csat, Double nps,
                              Map<String, Double> servqualDimensions, Double servqualUnweighted,
                              Double servqualWeighted) {

    static final List<String> DIMENSIONS = List.of("TANGIBLES", "RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY");

    /** A cohort of {@code cases} opened cases. */
    static VoiceOfCustomerFigures opened(long cases) {
        return new VoiceOfCustomerFigures(cases, null, List.of(), null, null, null, null, null, null);
    }

    /** TANGIBLES, RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY; null for a dimension without answers. */
    static Map<String, Double> dimensions(Double tangibles, Double reliability, Double responsiveness,
                                          Double assurance, Double empathy) {
        Map<String, Double> scores = new LinkedHashMap<>();
        List<Double> values = Arrays.asList(tangibles, reliability, responsiveness, assurance, empathy);
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            scores.put(DIMENSIONS.get(i), values.get(i));
        }
        return scores;
    }

    /** A CSV report's rows by key; its header must name the voice-of-customer columns in the code's order. */
    static Map<String, Map<String, String>> rowsByKey(ReportHttpTest.CsvReport csv) {
        assertThat(csv.header()).containsSubsequence("key", "casesOpened", "refundRate", "refundedAmount",
                "followUpCompletionRate", "csat", "nps", "servqualUnweighted", "servqualWeighted", "servqualTANGIBLES",
                "servqualRELIABILITY", "servqualRESPONSIVENESS", "servqualASSURANCE", "servqualEMPATHY");
        return csv.byKey();
    }

    VoiceOfCustomerFigures refundRate(double rate) {
        return new VoiceOfCustomerFigures(opened, rate, refundedAmount, followUpCompletionRate, csat, nps,
                servqualDimensions, servqualUnweighted, servqualWeighted);
    }

    VoiceOfCustomerFigures refundedAmountPerCurrency(String... amounts) {
        return new VoiceOfCustomerFigures(opened, refundRate, List.of(amounts), followUpCompletionRate, csat, nps,
                servqualDimensions, servqualUnweighted, servqualWeighted);
    }

    VoiceOfCustomerFigures followUpCompletionRate(double rate) {
        return new VoiceOfCustomerFigures(opened, refundRate, refundedAmount, rate, csat, nps, servqualDimensions,
                servqualUnweighted, servqualWeighted);
    }

    VoiceOfCustomerFigures csat(double percentage) {
        return new VoiceOfCustomerFigures(opened, refundRate, refundedAmount, followUpCompletionRate, percentage, nps,
                servqualDimensions, servqualUnweighted, servqualWeighted);
    }

    VoiceOfCustomerFigures nps(double score) {
        return new VoiceOfCustomerFigures(opened, refundRate, refundedAmount, followUpCompletionRate, csat, score,
                servqualDimensions, servqualUnweighted, servqualWeighted);
    }

    VoiceOfCustomerFigures servqual(Map<String, Double> dimensions, double unweighted, double weighted) {
        return new VoiceOfCustomerFigures(opened, refundRate, refundedAmount, followUpCompletionRate, csat, nps,
                dimensions, unweighted, weighted);
    }

    /** The same figures under other importance weights: only the weighted score moves. */
    VoiceOfCustomerFigures weighted(double weighted) {
        return new VoiceOfCustomerFigures(opened, refundRate, refundedAmount, followUpCompletionRate, csat, nps,
                servqualDimensions, servqualUnweighted, weighted);
    }

    void check(String label, JsonNode metrics) {
        SoftAssertions softly = new SoftAssertions();
        check(softly, label, metrics);
        softly.assertAll();
    }

    void check(SoftAssertions softly, String label, JsonNode metrics) {
        softly.assertThat(metrics.path("casesOpened").asLong()).as(label + " casesOpened").isEqualTo(opened);
        figure(softly, label + " refundRate", metrics.get("refundRate"), refundRate);
        List<String> amounts = new ArrayList<>();
        JsonNode money = metrics.get("refundedAmount");
        softly.assertThat(money != null && money.isArray()).as(label + " refundedAmount is a list: " + money).isTrue();
        if (money != null && money.isArray()) {
            money.forEach(sum -> {
                softly.assertThat(sum.path("amount").isTextual()).as(label + " amount is a decimal string: " + sum)
                        .isTrue();
                amounts.add(sum.path("amount").asText() + " " + sum.path("currency").asText());
            });
        }
        softly.assertThat(amounts).as(label + " refundedAmount").containsExactlyElementsOf(refundedAmount);
        figure(softly, label + " followUpCompletionRate", metrics.get("followUpCompletionRate"), followUpCompletionRate);
        figure(softly, label + " csat", metrics.get("csat"), csat);
        figure(softly, label + " nps", metrics.get("nps"), nps);
        JsonNode servqual = metrics.path("servqual");
        for (String dimension : DIMENSIONS) {
            figure(softly, label + " servqual " + dimension, servqual.path("dimensions").get(dimension),
                    servqualDimensions.get(dimension));
        }
        figure(softly, label + " servqual unweighted", servqual.get("unweighted"), servqualUnweighted);
        figure(softly, label + " servqual weighted", servqual.get("weighted"), servqualWeighted);
    }

    /** Whether {@code metrics} shows these figures (for polling a projection that is still catching up). */
    boolean shownBy(JsonNode metrics) {
        SoftAssertions softly = new SoftAssertions();
        check(softly, "total", metrics);
        return metrics.path("casesOpened").asLong() == opened && softly.wasSuccess();
    }

    void checkCsv(SoftAssertions softly, String label, Map<String, String> row) {
        softly.assertThat(row).as(label + " row").isNotNull();
        if (row == null) {
            return;
        }
        softly.assertThat(row.get("casesOpened")).as(label + " casesOpened").isEqualTo(String.valueOf(opened));
        cell(softly, label + " refundRate", row.get("refundRate"), refundRate);
        softly.assertThat(row.get("refundedAmount")).as(label + " refundedAmount")
                .isEqualTo(String.join("; ", refundedAmount));
        cell(softly, label + " followUpCompletionRate", row.get("followUpCompletionRate"), followUpCompletionRate);
        cell(softly, label + " csat", row.get("csat"), csat);
        cell(softly, label + " nps", row.get("nps"), nps);
        cell(softly, label + " servqualUnweighted", row.get("servqualUnweighted"), servqualUnweighted);
        cell(softly, label + " servqualWeighted", row.get("servqualWeighted"), servqualWeighted);
        for (String dimension : DIMENSIONS) {
            cell(softly, label + " servqual" + dimension, row.get("servqual" + dimension),
                    servqualDimensions.get(dimension));
        }
    }
}
