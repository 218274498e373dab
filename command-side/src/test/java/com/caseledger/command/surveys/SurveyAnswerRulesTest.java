package com.caseledger.command.surveys;

import com.caseledger.command.cases.CaseRulesFixture;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.SurveyAnswered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;

/** The rules of survey answers: CSAT, NPS and SERVQUAL, on open and closed cases. */
class SurveyAnswerRulesTest extends CaseRulesFixture {

    // --- surveys ---

    @Test
    void a_survey_answer_with_every_instrument_is_recorded() {
        Map<ServqualDimension, ServqualRating> servqual = Map.of(
                ServqualDimension.RELIABILITY, new ServqualRating(6, 5),
                ServqualDimension.EMPATHY, new ServqualRating(4, 6));
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, 4, 9, servqual, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 4, 9, servqual, NOW));
    }

    @Test
    void a_survey_answer_with_only_servqual_is_recorded() {
        Map<ServqualDimension, ServqualRating> servqual = Map.of(ServqualDimension.TANGIBLES, new ServqualRating(5, 5));
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, null, servqual, null))
                .expectEvents(new SurveyAnswered(CASE_ID, null, null, servqual, NOW));
    }

    static Stream<Arguments> surveyAnswersWithoutAnyInstrument() {
        return Stream.of(
                Arguments.of("no servqual", null),
                Arguments.of("an empty servqual", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surveyAnswersWithoutAnyInstrument")
    void a_survey_answer_needs_at_least_one_instrument(String description,
                                                       Map<ServqualDimension, ServqualRating> servqual) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, null, servqual, null))
                .expectNoEvents()
                .expectException(InvalidCaseInput.class)
                .expectExceptionMessage(containsString("at least one of csat, nps and servqual"));
    }

    @ParameterizedTest(name = "csat {0}")
    @ValueSource(ints = {1, 5})
    void a_csat_at_the_ends_of_its_scale_is_recorded(int csat) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, csat, null, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, csat, null, null, NOW));
    }

    @ParameterizedTest(name = "csat {0}")
    @ValueSource(ints = {0, 6})
    void a_csat_outside_one_to_five_is_refused(int csat) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, csat, 9, null, null))
                .expectNoEvents()
                .expectException(invalidInput("csat"));
    }

    @ParameterizedTest(name = "nps {0}")
    @ValueSource(ints = {0, 10})
    void an_nps_at_the_ends_of_its_scale_is_recorded(int nps) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, nps, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, null, nps, null, NOW));
    }

    @ParameterizedTest(name = "nps {0}")
    @ValueSource(ints = {-1, 11})
    void an_nps_outside_zero_to_ten_is_refused(int nps) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, 4, nps, null, null))
                .expectNoEvents()
                .expectException(invalidInput("nps"));
    }

    @Test
    void a_closed_case_still_takes_survey_answers() {
        fixture.given(opened(), resolved(10), closed(20))
                .when(new RecordSurveyAnswer(CASE_ID, 5, 10, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 5, 10, null, NOW));
    }

    @Test
    void a_second_survey_answer_is_recorded_as_another_answer() {
        fixture.given(opened(), new SurveyAnswered(CASE_ID, 2, 3, null, at(10)))
                .when(new RecordSurveyAnswer(CASE_ID, 4, null, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 4, null, null, NOW))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 2));
    }
}
