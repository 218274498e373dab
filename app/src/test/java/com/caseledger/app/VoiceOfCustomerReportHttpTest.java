package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static com.caseledger.app.VoiceOfCustomerHistory.CHAT;
import static com.caseledger.app.VoiceOfCustomerHistory.EMAIL;
import static com.caseledger.app.VoiceOfCustomerHistory.PERIOD;
import static com.caseledger.app.VoiceOfCustomerHistory.PHONE;
import static com.caseledger.app.VoiceOfCustomerHistory.TOTAL;
import static com.caseledger.app.VoiceOfCustomerFigures.rowsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's voice-of-customer figures (refunds, follow-up calls, CSAT, NPS and SERVQUAL with equal weights),
 * in JSON and in CSV. The history (September 2021, cases V1 to V9, W and X) and its hand-worked figures are in
 * {@link VoiceOfCustomerHistory}; importance weights are in {@link ServqualWeightsHttpTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceOfCustomerReportHttpTest extends ReportHttpTest {

    @BeforeAll
    void the_september_2021_history_is_backfilled() {
        VoiceOfCustomerHistory.backfillOnce(this);
    }

    @Test
    void the_total_counts_issued_money_refunds_finished_calls_and_the_latest_answer_per_instrument() {
        JsonNode report = report(PERIOD);

        // W (one second before from) and X (exactly at to) are not in the cohort: V1 to V9
        TOTAL.check("total", report.get("total"));
    }

    @Test
    void grouping_by_channel_gives_each_channel_the_figures_of_its_own_cases() {
        JsonNode report = report(PERIOD + "&groupBy=channel");

        assertThat(keys(report)).containsExactlyInAnyOrder("CHAT", "EMAIL", "PHONE");
        SoftAssertions softly = new SoftAssertions();
        EMAIL.check(softly, "EMAIL", group(report, "EMAIL"));
        CHAT.check(softly, "CHAT", group(report, "CHAT"));
        PHONE.check(softly, "PHONE", group(report, "PHONE"));
        TOTAL.check(softly, "total", report.get("total"));
        softly.assertAll();
    }

    @Test
    void the_csv_export_has_a_column_per_figure_and_a_total_row_that_matches_the_hand_worked_figures() {
        Map<String, Map<String, String>> rows = rowsByKey(csv(PERIOD + "&groupBy=channel"));

        assertThat(rows.keySet()).containsExactly("CHAT", "EMAIL", "PHONE", "TOTAL");
        SoftAssertions softly = new SoftAssertions();
        TOTAL.checkCsv(softly, "TOTAL", rows.get("TOTAL"));
        CHAT.checkCsv(softly, "CHAT", rows.get("CHAT"));
        EMAIL.checkCsv(softly, "EMAIL", rows.get("EMAIL"));
        PHONE.checkCsv(softly, "PHONE", rows.get("PHONE"));
        softly.assertAll();
    }
}
