package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service-level report queries with bad parameters (an unknown grouping, time zone or time, a period that is badly
 * written, reversed or beyond the storable range, an asOf that is not an instant): each is refused with a 400 naming the parameter. Refused
 * SERVQUAL weights are in {@link ServqualWeightsHttpTest}.
 */
class ReportQueryBadInputHttpTest extends BadInputHttpSupport {

    @Test
    void an_unknown_group_by_on_the_service_level_report_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?groupBy=weather"), 400);

        assertNames(problem, "groupBy");
    }

    @Test
    void an_unknown_time_zone_on_the_service_level_report_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?groupBy=day&tz=Mars/Olympus_Mons"), 400);

        assertNames(problem, "tz");
    }

    @Test
    void an_unknown_time_on_the_service_level_report_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?time=weekdays"), 400);

        assertNames(problem, "time");
    }

    @Test
    void a_report_period_whose_from_is_after_its_to_is_refused_with_400() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=2021-08-02T00:00:00Z&to=2021-08-01T00:00:00Z"), 400);

        assertThat(fields(problem)).containsAnyOf("from", "to");
    }

    @Test
    void a_badly_written_report_period_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=last-monday"), 400);

        assertNames(problem, "from");
    }

    @Test
    void a_report_as_of_something_that_is_not_an_instant_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?asOf=yesterday"), 400);

        assertNames(problem, "asOf");
    }

    @Test
    void a_report_as_of_an_instant_beyond_the_storable_range_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?asOf=-1000000000-01-01T00:00:00Z"), 400);

        assertNames(problem, "asOf");
    }

    @Test
    void a_report_period_beyond_the_storable_range_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=-1000000000-01-01T00:00:00Z"
                + "&to=2021-01-01T00:00:00Z"), 400);

        assertNames(problem, "from");
    }
}
