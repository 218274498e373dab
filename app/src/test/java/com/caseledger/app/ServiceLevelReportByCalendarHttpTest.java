package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.caseledger.app.ServiceLevelFigures.opened;
import static com.caseledger.app.ServiceLevelHistory.DAY_13;
import static com.caseledger.app.ServiceLevelHistory.PERIOD;
import static com.caseledger.app.ServiceLevelHistory.PERIOD_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level report grouped by calendar: days (in UTC and in another time zone), ISO weeks and months,
 * every one of the period listed, also those without cases, with the backlog counted at each group's end. The
 * history (June 2022, cases A to O) and its hand-worked figures per case are in {@link ServiceLevelHistory}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceLevelReportByCalendarHttpTest extends ReportHttpTest {

    @BeforeAll
    void the_june_2022_history_is_backfilled() {
        ServiceLevelHistory.backfillOnce(this);
    }

    @Test
    void grouping_by_day_lists_every_day_of_the_period_also_the_days_without_cases() {
        JsonNode report = report(PERIOD + "&groupBy=day");

        assertThat(keys(report)).containsExactly("2022-06-13", "2022-06-14", "2022-06-15", "2022-06-16", "2022-06-17");
        SoftAssertions softly = new SoftAssertions();
        DAY_13.check(softly, "13th", group(report, "2022-06-13"));
        // 14th: E F G H
        opened(4)
                .resolved(2)        // E H -> 2/4
                .oneTouch(1)        // H(1); E has 2 -> 1/2
                .reopened(1, 2)     // E / E H -> 1/2
                .complaints(1)      // F -> 1/4
                .backlog(3)         // F G H
                .firstReply(3, 3000, 900, 1800)            // E 300 F 900 H 1800: mean 1000; 2nd 900; 3rd 1800
                .firstResolution(2, 406800, 1800, 405000)  // E 1800 H 405000: mean 203400; 1st 1800; 2nd 405000
                .fullResolution(2, 415800, 10800, 405000)  // E 10800 H 405000: mean 207900; 1st 10800; 2nd 405000
                .requesterWait(2, 410400, 5400, 405000)    // E 5400 H 405000: mean 205200; 1st 5400; 2nd 405000
                .check(softly, "14th", group(report, "2022-06-14"));
        opened(0).check(softly, "15th", group(report, "2022-06-15"));
        // 16th: I J K L M
        opened(5)
                .resolved(3)        // I J M -> 3/5
                .oneTouch(2)        // J(1) M(0); I has 2 -> 2/3
                .reopened(2, 4)     // I K / I J K M -> 2/4
                .complaints(3)      // I K L -> 3/5
                .backlog(1)         // L (K was RESOLVED at the end of P)
                .firstReply(4, 7800, 1800, 3600)           // I 1800 J 3600 K 600 L 1800: sorted 600 1800 1800 3600, mean 1950; 2nd 1800; 4th 3600
                .firstResolution(4, 20400, 3600, 10200)    // I 3600 J 4800 K 10200 M 1800: sorted 1800 3600 4800 10200, mean 5100; 2nd 3600; 4th 10200
                .fullResolution(3, 17400, 4800, 10800)     // I 10800 J 4800 M 1800: sorted 1800 4800 10800, mean 5800; 2nd 4800; 3rd 10800
                .requesterWait(4, 16800, 3000, 7200)       // I 7200 J 4800 K 3000 M 1800: sorted 1800 3000 4800 7200, mean 4200; 2nd 3000; 4th 7200
                .check(softly, "16th", group(report, "2022-06-16"));
        opened(0).check(softly, "17th", group(report, "2022-06-17"));
        PERIOD_TOTAL.check(softly, "total", report.get("total"));
        softly.assertAll();
    }

    @Test
    void grouping_by_day_in_shanghai_time_moves_late_utc_evening_cases_to_the_next_local_day() {
        JsonNode report = report(PERIOD + "&groupBy=day&tz=Asia/Shanghai");

        // P runs from the 13th 08:00 to the 18th 08:00 in Shanghai, so six local days
        assertThat(keys(report)).containsExactly(
                "2022-06-13", "2022-06-14", "2022-06-15", "2022-06-16", "2022-06-17", "2022-06-18");
        SoftAssertions softly = new SoftAssertions();
        // 13th: A B C D, as in UTC (09:00 to 12:00 UTC is 17:00 to 20:00 local)
        DAY_13.check(softly, "SH 13th", group(report, "2022-06-13"));
        // 14th: E F G; H (17:30 UTC = 01:30 on the 15th) moved on
        opened(3)
                .resolved(1)        // E -> 1/3
                .oneTouch(0)        // E has 2 replies -> 0/1
                .reopened(1, 1)     // E / E -> 1/1
                .complaints(1)      // F -> 1/3
                .backlog(2)         // F G
                .firstReply(2, 1200, 300, 900)             // E 300 F 900: mean 600; 1st 300; 2nd 900
                .firstResolution(1, 1800, 1800, 1800)      // E
                .fullResolution(1, 10800, 10800, 10800)    // E
                .requesterWait(1, 5400, 5400, 5400)        // E
                .check(softly, "SH 14th", group(report, "2022-06-14"));
        // 15th: H alone, on a day that is empty in UTC
        opened(1)
                .resolved(1)        // H is RESOLVED now -> 1/1
                .oneTouch(1)        // 1 reply -> 1/1
                .reopened(0, 1)
                .complaints(0)
                .backlog(1)         // H was still OPEN at the end of P
                .firstReply(1, 1800, 1800, 1800)
                .firstResolution(1, 405000, 405000, 405000)
                .fullResolution(1, 405000, 405000, 405000)
                .requesterWait(1, 405000, 405000, 405000)
                .check(softly, "SH 15th", group(report, "2022-06-15"));
        // 16th: I J K; L (20:00 UTC) and M (23:00 UTC) moved on
        opened(3)
                .resolved(2)        // I J -> 2/3
                .oneTouch(1)        // J(1) -> 1/2
                .reopened(2, 3)     // I K / I J K -> 2/3
                .complaints(2)      // I K -> 2/3
                .backlog(0)         // K was RESOLVED at the end of P
                .firstReply(3, 6000, 1800, 3600)           // I 1800 J 3600 K 600: sorted 600 1800 3600, mean 2000; 2nd 1800; 3rd 3600
                .firstResolution(3, 18600, 4800, 10200)    // I 3600 J 4800 K 10200: mean 6200; 2nd 4800; 3rd 10200
                .fullResolution(2, 15600, 4800, 10800)     // I 10800 J 4800: mean 7800; 1st 4800; 2nd 10800
                .requesterWait(3, 15000, 4800, 7200)       // I 7200 J 4800 K 3000: sorted 3000 4800 7200, mean 5000; 2nd 4800; 3rd 7200
                .check(softly, "SH 16th", group(report, "2022-06-16"));
        // 17th: L (04:00 local) and M (07:00 local)
        opened(2)
                .resolved(1)        // M -> 1/2
                .oneTouch(1)        // M(0) -> 1/1
                .reopened(0, 1)
                .complaints(1)      // L -> 1/2
                .backlog(1)         // L
                .firstReply(1, 1800, 1800, 1800)           // L (M has only a note)
                .firstResolution(1, 1800, 1800, 1800)      // M
                .fullResolution(1, 1800, 1800, 1800)       // M
                .requesterWait(1, 1800, 1800, 1800)        // M
                .check(softly, "SH 17th", group(report, "2022-06-17"));
        opened(0).check(softly, "SH 18th", group(report, "2022-06-18"));
        PERIOD_TOTAL.check(softly, "total", report.get("total"));
        softly.assertAll();
    }

    @Test
    void grouping_by_week_uses_iso_week_keys_and_counts_the_backlog_at_the_end_of_the_longer_period() {
        // Monday 6th to Monday 20th: O (Sunday 12th) is in week 23, A to M and N (Saturday 18th) in week 24
        JsonNode report = report("from=2022-06-06T00:00:00Z&to=2022-06-20T00:00:00Z&groupBy=week");

        assertThat(keys(report)).containsExactly("2022-W23", "2022-W24");
        SoftAssertions softly = new SoftAssertions();
        opened(1)                   // O
                .resolved(0)        // -> 0/1
                .complaints(0)
                .backlog(1)
                .check(softly, "2022-W23", group(report, "2022-W23"));
        opened(14)                  // A to M, N
                .resolved(9)        // -> 9/14
                .oneTouch(5)        // -> 5/9
                .reopened(3, 10)
                .complaints(6)      // -> 6/14
                .backlog(5)         // at the 20th 00:00: F G L N, and K (reopened on the 19th); H was resolved on the 19th
                .firstReply(10, 16200, 1200, 3600)         // N adds no durations: as in P's total
                .firstResolution(10, 452400, 3600, 16200)
                .fullResolution(9, 458400, 4800, 405000)
                .requesterWait(10, 445200, 3600, 9000)
                .check(softly, "2022-W24", group(report, "2022-W24"));
        opened(15)
                .resolved(9)        // -> 9/15
                .oneTouch(5)
                .reopened(3, 10)
                .complaints(6)      // -> 6/15
                .backlog(6)         // W23's 1 + W24's 5
                .firstReply(10, 16200, 1200, 3600)
                .firstResolution(10, 452400, 3600, 16200)
                .fullResolution(9, 458400, 4800, 405000)
                .requesterWait(10, 445200, 3600, 9000)
                .check(softly, "total", report.get("total"));
        softly.assertAll();
    }

    @Test
    void grouping_by_month_lists_the_empty_month_before_the_cases() {
        JsonNode report = report("from=2022-05-01T00:00:00Z&to=2022-07-01T00:00:00Z&groupBy=month");

        assertThat(keys(report)).containsExactly("2022-05", "2022-06");
        SoftAssertions softly = new SoftAssertions();
        opened(0).check(softly, "2022-05", group(report, "2022-05"));
        opened(15)                  // A to M, N, O
                .resolved(9)        // -> 9/15
                .oneTouch(5)        // -> 5/9
                .reopened(3, 10)
                .complaints(6)      // -> 6/15
                .backlog(6)         // July 1st is after every event, so as now: F G K L N O
                .firstReply(10, 16200, 1200, 3600)
                .firstResolution(10, 452400, 3600, 16200)
                .fullResolution(9, 458400, 4800, 405000)
                .requesterWait(10, 445200, 3600, 9000)
                .check(softly, "2022-06", group(report, "2022-06"));
        softly.assertAll();
    }
}
