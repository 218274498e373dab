package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey answers on a case: CSAT (1..5), NPS (0..10) and SERVQUAL ratings (1..7 for expectation and perception of
 * each dimension). Each instrument is recorded on its own, the latest answer shows in the case view, the history
 * keeps them all, and a closed case still takes answers. An answer out of range, fractional, of an unknown
 * dimension or without any instrument is refused and records nothing.
 */
class SurveyAnswersHttpTest extends AfterSalesHttpSupport {

    // --- answers ---

    @Test
    void csat_nps_and_servqual_answers_show_in_the_case_view() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> servqual = new LinkedHashMap<>();
        servqual.put("TANGIBLES", rating(5, 5));
        servqual.put("RELIABILITY", rating(6, 5));
        servqual.put("RESPONSIVENESS", rating(7, 4));
        servqual.put("ASSURANCE", rating(5, 6));
        servqual.put("EMPATHY", rating(4, 4));

        long version = accepted(post("/api/cases/" + caseId + "/surveys",
                Map.of("csat", 4, "nps", 9, "servqual", servqual)));

        assertThat(version).isEqualTo(1);
        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").asInt()).isEqualTo(4);
        assertThat(surveys.get("nps").asInt()).isEqualTo(9);
        assertThat(surveys.get("servqual").get("RELIABILITY").get("expectation").asInt()).isEqualTo(6);
        assertThat(surveys.get("servqual").get("RELIABILITY").get("perception").asInt()).isEqualTo(5);
        assertThat(surveys.get("servqual").get("RESPONSIVENESS").get("perception").asInt()).isEqualTo(4);
        assertThat(surveys.get("servqual")).hasSize(5);
        assertThat(surveys.get("answers").asInt()).isEqualTo(1);
    }

    @Test
    void each_instrument_is_recorded_on_its_own() {
        String caseId = openCaseWithoutOrder();

        accepted(post("/api/cases/" + caseId + "/surveys", Map.of("nps", 0)));
        long version = accepted(post("/api/cases/" + caseId + "/surveys",
                Map.of("servqual", Map.of("EMPATHY", rating(7, 1)))));

        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").isNull()).isTrue();
        assertThat(surveys.get("nps").asInt()).isZero();
        assertThat(surveys.get("servqual").get("EMPATHY").get("perception").asInt()).isEqualTo(1);
        assertThat(surveys.get("answers").asInt()).isEqualTo(2);
    }

    @Test
    void a_second_csat_answer_replaces_the_first_in_the_view_while_the_history_keeps_both() {
        String caseId = openCaseWithoutOrder();
        accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 2, "nps", 3)));

        long version = accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 5)));

        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").asInt()).isEqualTo(5);
        assertThat(surveys.get("nps").asInt()).as("an instrument not answered again keeps its answer").isEqualTo(3);
        assertThat(surveys.get("answers").asInt()).isEqualTo(2);
        assertThat(events(caseId, "SurveyAnswered")).extracting(event -> event.get("payload").get("csat").asInt())
                .containsExactly(2, 5);
    }

    @Test
    void survey_answers_are_recorded_on_a_closed_case() {
        String caseId = openCaseWithoutOrder();
        resolveAndClose(caseId);

        long version = accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 5, "nps", 10)));

        JsonNode view = view(caseId, version);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("surveys").get("csat").asInt()).isEqualTo(5);
        assertThat(view.get("surveys").get("nps").asInt()).isEqualTo(10);
    }

    // --- refused answers ---

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void a_csat_outside_one_to_five_is_invalid(int csat) {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", csat)), 400))).contains("csat");
    }

    @ParameterizedTest
    @ValueSource(ints = {11, -1})
    void an_nps_outside_zero_to_ten_is_invalid(int nps) {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("nps", nps, "csat", 4)), 400))).contains("nps");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 0})
    void a_servqual_rating_outside_one_to_seven_is_invalid(int rating) {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("RELIABILITY", Map.of("expectation", 5, "perception", rating)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual") && field.contains("perception"));
    }

    @Test
    void a_servqual_answer_without_its_perception_is_invalid() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("EMPATHY", Map.of("expectation", 5)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual") && field.contains("perception"));
    }

    @Test
    void an_unknown_servqual_dimension_is_invalid() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("COURTESY", Map.of("expectation", 5, "perception", 5)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual"));
        assertThat(problem.get("detail").asText()).contains("COURTESY");
    }

    @Test
    void a_survey_without_any_instrument_is_invalid() {
        String caseId = openCaseWithoutOrder();

        JsonNode empty = refused(caseId, () -> survey(caseId, Map.of()), 400);
        JsonNode emptyServqual = refused(caseId, () -> survey(caseId, Map.of("servqual", Map.of())), 400);

        assertThat(fields(empty)).isNotEmpty().allMatch(field -> field.equals("csat") || field.equals("nps") || field.equals("servqual"));
        assertThat(fields(emptyServqual)).isNotEmpty();
    }

    @Test
    void a_fractional_score_is_invalid_rather_than_cut_to_a_whole_number() {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", 4.5)), 400))).contains("csat");
        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("nps", 9.5)), 400))).contains("nps");
    }

    @Test
    void a_csat_that_is_not_a_number_is_invalid() {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", "five")), 400))).contains("csat");
    }

    private static Map<String, Object> rating(int expectation, int perception) {
        return Map.of("expectation", expectation, "perception", perception);
    }

    private ResponseEntity<String> survey(String caseId, Map<String, Object> body) {
        return post("/api/cases/" + caseId + "/surveys", body);
    }
}
