package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.caseledger.app.VoiceOfCustomerFigures.rowsByKey;
import static com.caseledger.app.VoiceOfCustomerHistory.CHAT;
import static com.caseledger.app.VoiceOfCustomerHistory.EMAIL;
import static com.caseledger.app.VoiceOfCustomerHistory.PERIOD;
import static com.caseledger.app.VoiceOfCustomerHistory.PHONE;
import static com.caseledger.app.VoiceOfCustomerHistory.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SERVQUAL importance weights on the report: weights that sum to 100 move only the weighted score (DOMAIN.md:
 * sum(weight x dimension score) / 100), and any other weights are refused naming the parameter. The history
 * (September 2021) and its dimension scores are in {@link VoiceOfCustomerHistory}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServqualWeightsHttpTest extends ReportHttpTest {

    private static final String WEIGHTS = "servqualWeights=TANGIBLES:10,RELIABILITY:30,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20";
    private static final String WEIGHTS_PARAMETER = "servqualWeights";

    @BeforeAll
    void the_september_2021_history_is_backfilled() {
        VoiceOfCustomerHistory.backfillOnce(this);
    }

    @Test
    void explicit_servqual_weights_change_only_the_weighted_score() {
        JsonNode report = report(PERIOD + "&groupBy=channel&" + WEIGHTS);

        SoftAssertions softly = new SoftAssertions();
        // weights T 10, Rel 30, Resp 20, A 20, Emp 20:
        // (10 x 1/3 + 30 x -1.25 + 20 x -1.5 + 20 x -1/3 + 20 x 1) / 100 = (3.33 - 37.5 - 30 - 6.67 + 20) / 100
        //   = -50.8333 / 100 = -61/120
        TOTAL.weighted(-61.0 / 120).check(softly, "total", report.get("total"));
        // (10 x 1.5 + 30 x -2 + 20 x 0 + 20 x -0.5 + 20 x -0.5) / 100 = (15 - 60 + 0 - 10 - 10) / 100 = -65 / 100
        EMAIL.weighted(-0.65).check(softly, "EMAIL", group(report, "EMAIL"));
        // only Rel, Resp and Emp have answers (weights 30 + 20 + 20 = 70):
        // (30 x -2 + 20 x -2.5 + 20 x 2) / 70 = (-60 - 50 + 40) / 70 = -70 / 70
        CHAT.weighted(-1.0).check(softly, "CHAT", group(report, "CHAT"));
        // (10 x -2 + 30 x 1 + 20 x -1 + 20 x 0 + 20 x 3) / 100 = (-20 + 30 - 20 + 0 + 60) / 100 = 50 / 100
        PHONE.weighted(0.5).check(softly, "PHONE", group(report, "PHONE"));
        softly.assertAll();
    }

    @Test
    void the_csv_export_shows_the_weighted_score_of_explicit_weights() {
        Map<String, Map<String, String>> rows = rowsByKey(csv(PERIOD + "&" + WEIGHTS));

        assertThat(rows.keySet()).containsExactly("TOTAL");
        SoftAssertions softly = new SoftAssertions();
        TOTAL.weighted(-61.0 / 120).checkCsv(softly, "TOTAL", rows.get("TOTAL"));   // as in the JSON test
        softly.assertAll();
    }

    @Test
    void weights_that_do_not_sum_to_100_are_refused_naming_the_parameter() {
        // 10 + 20 + 20 + 20 + 20 = 90
        assertRefusedWeights("TANGIBLES:10,RELIABILITY:20,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20", "90");
    }

    @Test
    void weights_for_an_unknown_dimension_are_refused_naming_the_parameter() {
        assertRefusedWeights("TANGIBLES:20,RELIABILITY:20,RESPONSIVENESS:20,ASSURANCE:20,COURTESY:20", "COURTESY");
    }

    @Test
    void bad_weights_are_refused_as_problem_json_also_when_csv_is_asked_for() {
        ResponseEntity<String> response = get(REPORT + PERIOD + "&" + WEIGHTS_PARAMETER
                + "=TANGIBLES:10,RELIABILITY:20,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20", "Accept", "text/csv");

        // API.md: every refused request answers problem+json; a CSV client must not see an empty 406 or a 500
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(WEIGHTS_PARAMETER);
    }

    private void assertRefusedWeights(String weights, String named) {
        ResponseEntity<String> response = get(REPORT + PERIOD + "&" + WEIGHTS_PARAMETER + "=" + weights);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains(named);
        assertThat(problem.get("errors")).as(problem.toString()).isNotNull();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactly(WEIGHTS_PARAMETER);
        assertThat(problem.get("errors").get(0).path("message").asText()).contains(named);
    }
}
