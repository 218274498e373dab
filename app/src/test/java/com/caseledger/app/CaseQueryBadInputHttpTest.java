package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case queries with bad parameters (the list's filters, page and size; a view's minVersion; a past state's asOf):
 * each is refused with a 400 naming the parameter.
 */
class CaseQueryBadInputHttpTest extends BadInputHttpSupport {

    @Test
    void a_bad_status_in_the_case_list_filter_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?status=SLEEPING"), 400);

        assertNames(problem, "status");
    }

    @ParameterizedTest(name = "size={0}")
    @ValueSource(ints = {0, -1, 201, 500})
    void a_page_size_outside_1_to_200_is_refused_with_400_naming_it(int size) {
        JsonNode problem = problem(get("/api/cases?size=" + size), 400);

        assertNames(problem, "size");
    }

    @Test
    void a_negative_page_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?page=-1"), 400);

        assertNames(problem, "page");
    }

    @Test
    void an_opening_period_that_ends_before_it_starts_is_refused_with_400() {
        JsonNode problem = problem(get("/api/cases?openedFrom=2021-08-02T00:00:00Z&openedTo=2021-08-01T00:00:00Z"), 400);

        assertThat(fields(problem)).containsAnyOf("openedFrom", "openedTo");
    }

    @Test
    void an_opening_period_beyond_the_storable_range_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?openedFrom=-1000000000-01-01T00:00:00Z"), 400);

        assertNames(problem, "openedFrom");
    }

    @Test
    void a_bad_as_of_is_refused_with_400_naming_it() {
        String caseId = openCase(newCase(customer()));

        assertNames(problem(get("/api/cases/" + caseId + "/state?asOf=yesterday"), 400), "asOf");
        assertNames(problem(get("/api/cases/" + caseId + "/state"), 400), "asOf");
    }

    @Test
    void a_bad_min_version_is_refused_with_400_naming_it() {
        String caseId = openCase(newCase(customer()));

        assertNames(problem(get("/api/cases/" + caseId + "?minVersion=latest"), 400), "minVersion");
        assertNames(problem(get("/api/cases/" + caseId + "?minVersion=-1"), 400), "minVersion");
    }
}
