package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.caseledger.app.ReportExpectations.cellShows;
import static com.caseledger.app.ServiceLevelHistory.EMAIL;
import static com.caseledger.app.ServiceLevelHistory.PERIOD;
import static com.caseledger.app.ServiceLevelHistory.PERIOD_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The service-level report's cohort and its exports: which cases a period counts, how a filter narrows them, and
 * the CSV that carries the same figures as the JSON. The history (June 2022, cases A to O) and its hand-worked
 * figures are in {@link ServiceLevelHistory}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceLevelReportHttpTest extends ReportHttpTest {

    @BeforeAll
    void the_june_2022_history_is_backfilled() {
        ServiceLevelHistory.backfillOnce(this);
    }

    @Test
    void the_total_covers_each_case_opened_in_the_half_open_period_once() {
        JsonNode report = report(PERIOD);

        assertThat(report.get("from").asText()).isEqualTo("2022-06-13T00:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2022-06-18T00:00:00Z");
        // O (one second before from) and N (exactly at to) are not in the cohort: 13 cases, A to M
        PERIOD_TOTAL.check("total", report.get("total"));
    }

    @Test
    void a_channel_filter_narrows_the_cohort_before_it_is_grouped() {
        JsonNode report = report(PERIOD + "&channel=EMAIL&groupBy=day");

        // A D on the 13th, G on the 14th, J L on the 16th
        assertThat(keys(report)).containsExactly("2022-06-13", "2022-06-14", "2022-06-15", "2022-06-16", "2022-06-17");
        assertThat(groupFigures(report, "casesOpened")).containsExactly(2L, 1L, 0L, 2L, 0L);
        assertThat(groupFigures(report, "backlog")).containsExactly(0L, 1L, 0L, 1L, 0L);
        EMAIL.check("total", report.get("total"));
    }

    @Test
    void the_csv_export_has_a_header_one_row_per_group_and_a_total_row_that_match_the_json() {
        String query = PERIOD + "&groupBy=channel";
        CsvReport csv = csv(query);

        // the columns of the metrics this test is about come first; refund and survey columns follow them
        String coreColumns = "key,casesOpened,casesResolved,resolutionRate,oneTouchRate,reopenRate,"
                + "complaintRate,backlog,"
                + "firstReplyCount,firstReplyMeanSeconds,firstReplyMedianSeconds,firstReplyP90Seconds,"
                + "firstResolutionCount,firstResolutionMeanSeconds,firstResolutionMedianSeconds,firstResolutionP90Seconds,"
                + "fullResolutionCount,fullResolutionMeanSeconds,fullResolutionMedianSeconds,fullResolutionP90Seconds,"
                + "requesterWaitCount,requesterWaitMeanSeconds,requesterWaitMedianSeconds,requesterWaitP90Seconds";
        assertThat(csv.headerLine()).startsWith(coreColumns + ",");
        List<String> compared = List.of(coreColumns.split(","));
        List<Map<String, String>> rows = csv.rows();
        JsonNode report = report(query);
        List<JsonNode> metrics = new ArrayList<>();
        report.get("groups").forEach(metrics::add);
        metrics.add(report.get("total"));
        List<String> keys = new ArrayList<>(keys(report));
        keys.add("TOTAL");

        assertThat(rows).extracting(row -> row.get("key")).containsExactlyElementsOf(keys);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, String> cell : rows.get(i).entrySet()) {
                if (!cell.getKey().equals("key") && compared.contains(cell.getKey())) {
                    cellShows(softly, keys.get(i) + " " + cell.getKey(), cell.getValue(),
                            jsonFigure(metrics.get(i), cell.getKey()));
                }
            }
        }
        // and, independently of the JSON, a few hand-worked figures (see the channel test)
        Map<String, Map<String, String>> byKey = csv.byKey();
        softly.assertThat(byKey.get("CHAT").get("casesOpened")).as("CHAT casesOpened: B E H K").isEqualTo("4");
        softly.assertThat(byKey.get("EMAIL").get("casesOpened")).as("EMAIL casesOpened: A D G J L").isEqualTo("5");
        softly.assertThat(byKey.get("EMAIL").get("backlog")).as("EMAIL backlog: G L").isEqualTo("2");
        softly.assertThat(byKey.get("EMAIL").get("firstReplyCount")).as("EMAIL firstReplyCount: A D J L").isEqualTo("4");
        softly.assertThat(byKey.get("PHONE").get("casesOpened")).as("PHONE casesOpened: C F I M").isEqualTo("4");
        softly.assertThat(byKey.get("TOTAL").get("casesOpened")).as("TOTAL casesOpened: A to M").isEqualTo("13");
        softly.assertThat(byKey.get("TOTAL").get("backlog")).as("TOTAL backlog: F G H L").isEqualTo("4");
        softly.assertThat(Double.parseDouble(byKey.get("TOTAL").get("oneTouchRate"))).as("TOTAL oneTouchRate 5/9")
                .isCloseTo(5.0 / 9, within(1e-9));
        softly.assertAll();
    }

    private static List<Long> groupFigures(JsonNode report, String field) {
        List<Long> figures = new ArrayList<>();
        report.get("groups").forEach(group -> figures.add(group.get(field).asLong()));
        return figures;
    }

    /** The JSON figure a CSV column shows: {@code firstReplyMedianSeconds} is {@code firstReply.medianSeconds}. */
    private static JsonNode jsonFigure(JsonNode metrics, String column) {
        for (String duration : List.of("firstReply", "firstResolution", "fullResolution", "requesterWait")) {
            if (column.startsWith(duration)) {
                String figure = column.substring(duration.length());
                String field = Character.toLowerCase(figure.charAt(0)) + figure.substring(1);
                return metrics.get(duration).get(field);
            }
        }
        return metrics.get(column);
    }
}
