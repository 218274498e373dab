package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.caseledger.app.ServiceLevelFigures.opened;
import static com.caseledger.app.ServiceLevelHistory.ANA;
import static com.caseledger.app.ServiceLevelHistory.BO;
import static com.caseledger.app.ServiceLevelHistory.CY;
import static com.caseledger.app.ServiceLevelHistory.EMAIL;
import static com.caseledger.app.ServiceLevelHistory.PERIOD;
import static com.caseledger.app.ServiceLevelHistory.PERIOD_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level report grouped by what a case is: its channel, its type, its current agent. Each case counts
 * once, in the group of its own attributes. The history (June 2022, cases A to O) and its hand-worked figures per
 * case are in {@link ServiceLevelHistory}; each group's figures are worked out beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceLevelReportByAttributeHttpTest extends ReportHttpTest {

    @BeforeAll
    void the_june_2022_history_is_backfilled() {
        ServiceLevelHistory.backfillOnce(this);
    }

    @Test
    void grouping_by_channel_gives_each_channel_the_cases_opened_through_it() {
        JsonNode report = report(PERIOD + "&groupBy=channel");

        assertThat(report.get("groupBy").asText()).isEqualTo("channel");
        assertThat(keys(report)).containsExactlyInAnyOrder("CHAT", "EMAIL", "PHONE");
        SoftAssertions softly = new SoftAssertions();
        // CHAT: B E H K
        opened(4)
                .resolved(3)        // B E H -> 3/4
                .oneTouch(1)        // H(1); B E have 2 replies -> 1/3
                .reopened(2, 4)     // E K / B E H K -> 2/4
                .complaints(2)      // B K -> 2/4
                .backlog(1)         // H (K was RESOLVED at the end of P)
                .firstReply(4, 3900, 600, 1800)            // B 1200 E 300 H 1800 K 600: sorted 300 600 1200 1800, mean 975; 2nd 600; 4th 1800
                .firstResolution(4, 420600, 3600, 405000)  // B 3600 E 1800 H 405000 K 10200: sorted 1800 3600 10200 405000, mean 105150; 2nd 3600; 4th 405000
                .fullResolution(3, 419400, 10800, 405000)  // B 3600 E 10800 H 405000: mean 139800; 2nd 10800; 3rd 405000
                .requesterWait(4, 417000, 3600, 405000)    // B 3600 E 5400 H 405000 K 3000: sorted 3000 3600 5400 405000, mean 104250; 2nd 3600; 4th 405000
                .check(softly, "CHAT", group(report, "CHAT"));
        // EMAIL: A D G J L
        EMAIL.check(softly, "EMAIL", group(report, "EMAIL"));
        // PHONE: C F I M
        opened(4)
                .resolved(3)        // C I M -> 3/4
                .oneTouch(2)        // C(0) M(0); I has 2 -> 2/3
                .reopened(1, 3)     // I / C I M -> 1/3
                .complaints(2)      // F I -> 2/4
                .backlog(1)         // F
                .firstReply(2, 2700, 900, 1800)            // F 900 I 1800: mean 1350; ceil(1)=1st 900; ceil(1.8)=2nd 1800
                .firstResolution(3, 7200, 1800, 3600)      // C 1800 I 3600 M 1800: sorted 1800 1800 3600, mean 2400; 2nd 1800; 3rd 3600
                .fullResolution(3, 14400, 1800, 10800)     // C 1800 I 10800 M 1800: mean 4800; 2nd 1800; 3rd 10800
                .requesterWait(3, 10800, 1800, 7200)       // C 1800 I 7200 M 1800: mean 3600; 2nd 1800; 3rd 7200
                .check(softly, "PHONE", group(report, "PHONE"));
        PERIOD_TOTAL.check(softly, "total", report.get("total"));
        softly.assertAll();
    }

    @Test
    void grouping_by_type_separates_complaints_from_inquiries() {
        JsonNode report = report(PERIOD + "&groupBy=type");

        assertThat(keys(report)).containsExactlyInAnyOrder("COMPLAINT", "INQUIRY");
        SoftAssertions softly = new SoftAssertions();
        // COMPLAINT: B D F I K L
        opened(6)
                .resolved(3)        // B D I -> 3/6
                .oneTouch(0)        // B D I all have 2 replies -> 0/3
                .reopened(2, 4)     // I K / B D I K -> 2/4
                .complaints(6)      // -> 6/6
                .backlog(2)         // F L
                .firstReply(6, 9900, 1200, 3600)           // B 1200 D 3600 F 900 I 1800 K 600 L 1800: sorted 600 900 1200 1800 1800 3600, mean 1650; ceil(3)=3rd 1200; ceil(5.4)=6th 3600
                .firstResolution(4, 33600, 3600, 16200)    // B 3600 D 16200 I 3600 K 10200: sorted 3600 3600 10200 16200, mean 8400; 2nd 3600; 4th 16200
                .fullResolution(3, 30600, 10800, 16200)    // B 3600 D 16200 I 10800: sorted 3600 10800 16200, mean 10200; 2nd 10800; 3rd 16200
                .requesterWait(4, 22800, 3600, 9000)       // B 3600 D 9000 I 7200 K 3000: sorted 3000 3600 7200 9000, mean 5700; 2nd 3600; 4th 9000
                .check(softly, "COMPLAINT", group(report, "COMPLAINT"));
        // INQUIRY: A C E G H J M
        opened(7)
                .resolved(6)        // A C E H J M -> 6/7
                .oneTouch(5)        // A(1) C(0) H(1) J(1) M(0); E has 2 -> 5/6
                .reopened(1, 6)     // E / A C E H J M -> 1/6
                .complaints(0)      // -> 0/7
                .backlog(2)         // G H
                .firstReply(4, 6300, 600, 3600)            // A 600 E 300 H 1800 J 3600: sorted 300 600 1800 3600, mean 1575; 2nd 600; 4th 3600
                .firstResolution(6, 418800, 1800, 405000)  // A 3600 C 1800 E 1800 H 405000 J 4800 M 1800: sorted 1800 1800 1800 3600 4800 405000, mean 69800; 3rd 1800; 6th 405000
                .fullResolution(6, 427800, 3600, 405000)   // A 3600 C 1800 E 10800 H 405000 J 4800 M 1800: sorted 1800 1800 3600 4800 10800 405000, mean 71300; 3rd 3600; 6th 405000
                .requesterWait(6, 422400, 3600, 405000)    // A 3600 C 1800 E 5400 H 405000 J 4800 M 1800: sorted 1800 1800 3600 4800 5400 405000, mean 70400; 3rd 3600; 6th 405000
                .check(softly, "INQUIRY", group(report, "INQUIRY"));
        softly.assertAll();
    }

    @Test
    void grouping_by_agent_counts_each_case_once_under_its_current_assignee_and_the_rest_as_unassigned() {
        JsonNode report = report(PERIOD + "&groupBy=agent");

        // J moved from ana to cy; F and K were answered by agents who never took them: both stay unassigned
        assertThat(keys(report)).containsExactlyInAnyOrder(ANA, BO, CY, "unassigned");
        SoftAssertions softly = new SoftAssertions();
        // ana: A D H
        opened(3)
                .resolved(3)        // -> 3/3
                .oneTouch(2)        // A(1) H(1); D has 2 -> 2/3
                .reopened(0, 3)
                .complaints(1)      // D -> 1/3
                .backlog(1)         // H
                .firstReply(3, 6000, 1800, 3600)           // A 600 D 3600 H 1800: sorted 600 1800 3600, mean 2000; 2nd 1800; 3rd 3600
                .firstResolution(3, 424800, 16200, 405000) // A 3600 D 16200 H 405000: mean 141600; 2nd 16200; 3rd 405000
                .fullResolution(3, 424800, 16200, 405000)  // the same
                .requesterWait(3, 417600, 9000, 405000)    // A 3600 D 9000 H 405000: mean 139200; 2nd 9000; 3rd 405000
                .check(softly, "ana", group(report, ANA));
        // bo: B E I L
        opened(4)
                .resolved(3)        // B E I -> 3/4
                .oneTouch(0)        // all have 2 replies -> 0/3
                .reopened(2, 3)     // E I / B E I -> 2/3
                .complaints(3)      // B I L -> 3/4
                .backlog(1)         // L
                .firstReply(4, 5100, 1200, 1800)           // B 1200 E 300 I 1800 L 1800: sorted 300 1200 1800 1800, mean 1275; 2nd 1200; 4th 1800
                .firstResolution(3, 9000, 3600, 3600)      // B 3600 E 1800 I 3600: sorted 1800 3600 3600, mean 3000; 2nd 3600; 3rd 3600
                .fullResolution(3, 25200, 10800, 10800)    // B 3600 E 10800 I 10800: mean 8400; 2nd 10800; 3rd 10800
                .requesterWait(3, 16200, 5400, 7200)       // B 3600 E 5400 I 7200: mean 5400; 2nd 5400; 3rd 7200
                .check(softly, "bo", group(report, BO));
        // cy: G J
        opened(2)
                .resolved(1)        // J -> 1/2
                .oneTouch(1)        // J(1) -> 1/1
                .reopened(0, 1)
                .complaints(0)
                .backlog(1)         // G
                .firstReply(1, 3600, 3600, 3600)           // J
                .firstResolution(1, 4800, 4800, 4800)      // J
                .fullResolution(1, 4800, 4800, 4800)       // J
                .requesterWait(1, 4800, 4800, 4800)        // J
                .check(softly, "cy", group(report, CY));
        // unassigned: C F K M
        opened(4)
                .resolved(2)        // C M -> 2/4
                .oneTouch(2)        // C(0) M(0) -> 2/2
                .reopened(1, 3)     // K / C K M -> 1/3
                .complaints(2)      // F K -> 2/4
                .backlog(1)         // F (K was RESOLVED at the end of P)
                .firstReply(2, 1500, 600, 900)             // F 900 K 600: sorted 600 900, mean 750; 1st 600; 2nd 900
                .firstResolution(3, 13800, 1800, 10200)    // C 1800 K 10200 M 1800: sorted 1800 1800 10200, mean 4600; 2nd 1800; 3rd 10200
                .fullResolution(2, 3600, 1800, 1800)       // C 1800 M 1800: mean 1800
                .requesterWait(3, 6600, 1800, 3000)        // C 1800 K 3000 M 1800: sorted 1800 1800 3000, mean 2200; 2nd 1800; 3rd 3000
                .check(softly, "unassigned", group(report, "unassigned"));
        softly.assertAll();
    }
}
