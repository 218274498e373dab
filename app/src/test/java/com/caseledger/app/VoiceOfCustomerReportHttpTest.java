package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's voice-of-customer figures (refunds, follow-up calls, CSAT, NPS and SERVQUAL) over a backfilled
 * history in September 2021, a period no other test class uses. Every expected figure is worked out by hand
 * from DOMAIN.md's definitions.
 *
 * <p>The period P is [2021-09-06T00:00Z, 2021-09-09T00:00Z); all times are UTC, in 2021-09. The auto-approval
 * limit is 200.00 (larger money refunds, and every exchange, need an explicit approve); a resolved COMPLAINT gets
 * an automatic follow-up call two days later. Orders are ids of this class's own, so no other test's refunds
 * share their hold. Gaps are perception - expectation; SERVQUAL dimensions are abbreviated T Rel Resp A Emp.
 * <pre>
 * case ch    type  order       after-sales                          follow-up calls               survey answers, oldest first
 * V1   EMAIL COMP  500.00 CNY  260.50 issued (approved by hand)     auto: COMPLETED (call score 2) csat 5, nps 10, T(5,6) Rel(7,5) Resp(6,6) A(6,7) Emp(5,4)
 *                                                                                                  (answered after closing)
 * V2   EMAIL INQ   400.00 EUR  250.00 return issued (by hand),      manual: MISSED                {csat 2, nps 9}, then {csat 4}
 *                              the same reference issued twice
 * V3   CHAT  COMP  300.00 CNY  80.00 auto-approved, FAILED          auto: reached=false (MISSED)   nps 7, Rel(6,3) Resp(7,4)
 * V4   CHAT  INQ   1000.00 CNY 350.00 REJECTED                      manual: rescheduled, SCHEDULED csat 3, nps 6
 * V5   PHONE COMP  90.00 EUR   EXCHANGE approved and issued         auto 1: COMPLETED; reopened,   csat 4, nps 9, T(6,4) Rel(6,7) Resp(6,5) A(7,7) Emp(3,6)
 *                                                                   auto 2: SCHEDULED
 * V6   EMAIL INQ   150.00 EUR  30.00 and 45.25 issued, 20.00 FAILED manual A: MISSED, B: COMPLETED csat 5, nps 8, T(4,6) A(6,4) Emp(6,6)
 * V7   PHONE INQ   200.00 CNY  200.00 auto-approved (at the limit), -                             csat 1, nps 0 (answered after closing)
 *                              issued
 * V8   CHAT  COMP  -           -                                    auto: MISSED                  {nps 10, T(1,7) Rel(1,7)}, then {nps 4, Rel(7,6) Resp(5,3) Emp(3,5)}
 * V9   PHONE INQ   -           -                                    -                             nps 9 (the case stays OPEN)
 * W    EMAIL COMP  100.00 CNY  50.00 issued                         manual: MISSED                csat 1, nps 0, T(7,1)     opened 5th 23:59:59, before P
 * X    PHONE INQ   100.00 EUR  99.99 issued                         manual: COMPLETED             csat 5, nps 10, Emp(1,7)  opened 9th 00:00, P's exclusive end
 * </pre>
 * The latest answer per instrument counts: V2's CSAT is 4 and its NPS stays 9 (the second answer carries no NPS);
 * V8's NPS is 4 and its SERVQUAL is the second answer's three ratings (the first answer's are replaced as a whole).
 * Gaps of the counted SERVQUAL answers:
 * <pre>
 * case  T    Rel  Resp  A    Emp
 * V1    +1   -2   0     +1   -1
 * V3    -    -3   -3    -    -
 * V5    -2   +1   -1    0    +3
 * V6    +2   -    -     -2   0
 * V8    -    -1   -2    -    +2
 * </pre>
 * An EXCHANGE is an after-sales request but no refund: DOMAIN.md's refunds are the requests that carry money
 * ("money sent, with the payment reference"; "the money refunded on one order"), so V5 is not a refunded case.
 * A follow-up call's own satisfaction score (V1's 2, V6's 4) is no CSAT answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceOfCustomerReportHttpTest extends ReportHttpTest {

    private static final String PREFIX = "vocreport-";
    private static final String PERIOD = "from=2021-09-06T00:00:00Z&to=2021-09-09T00:00:00Z";
    private static final String WEIGHTS = "servqualWeights=TANGIBLES:10,RELIABILITY:30,RESPONSIVENESS:20,ASSURANCE:20,EMPATHY:20";
    private static final String WEIGHTS_PARAMETER = "servqualWeights";
    private static final double TOLERANCE = 1e-9;
    private static final List<String> DIMENSIONS = List.of("TANGIBLES", "RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY");

    /** The total of P, cases V1 to V9, with equal SERVQUAL weights. */
    private static final Expected TOTAL = opened(9)
            // issued money refunds: V1 V2 V6 V7; not V3 (failed), V4 (rejected), V5 (an exchange), V8 V9 (none) -> 4/9
            .refundRate(4.0 / 9)
            // CNY: V1 260.50 + V7 200.00 = 460.50; EUR: V2 250.00 (its second issue with the same reference is the
            // same refund) + V6 30.00 + 45.25 = 325.25; V6's failed 20.00 and V3's failed 80.00 are no money sent
            .refundedAmountPerCurrency("460.50 CNY", "325.25 EUR")
            // completed: V1, V5's first, V6's B = 3; missed: V2, V3 (reached=false), V6's A, V8 = 4;
            // V4's and V5's second call are still SCHEDULED -> 3 / (3 + 4) = 3/7
            .followUpCompletionRate(3.0 / 7)
            // latest CSAT per case: V1 5, V2 4 (its 2 replaced), V4 3, V5 4, V6 5, V7 1 -> 4-or-5: V1 V2 V5 V6 = 4 of 6 = 66.67
            .csat(100.0 * 4 / 6)
            // latest NPS per case: V1 10, V2 9, V3 7, V4 6, V5 9, V6 8, V7 0, V8 4 (its 10 replaced), V9 9 -> 9 answers;
            // promoters V1 V2 V5 V9 = 4 (44.44%), detractors V4 V7 V8 = 3 (33.33%) -> 44.44 - 33.33 = 11.11
            .nps(100.0 * 4 / 9 - 100.0 * 3 / 9)
            .servqual(dimensions(
                            1.0 / 3,    // T:    V1 +1, V5 -2, V6 +2 -> 1/3
                            -1.25,      // Rel:  V1 -2, V3 -3, V5 +1, V8 -1 -> -5/4
                            -1.5,       // Resp: V1 0, V3 -3, V5 -1, V8 -2 -> -6/4
                            -1.0 / 3,   // A:    V1 +1, V5 0, V6 -2 -> -1/3
                            1.0),       // Emp:  V1 -1, V5 +3, V6 0, V8 +2 -> 4/4
                    // (1/3 - 1.25 - 1.5 - 1/3 + 1) / 5 = -1.75 / 5
                    -0.35,
                    // equal weights: (20 x 1/3 + 20 x -1.25 + 20 x -1.5 + 20 x -1/3 + 20 x 1) / 100 = -35 / 100
                    -0.35);

    /** EMAIL: V1 V2 V6. */
    private static final Expected EMAIL = opened(3)
            .refundRate(3.0 / 3)                                // V1 V2 V6 -> 3/3
            .refundedAmountPerCurrency("260.50 CNY", "325.25 EUR")  // CNY V1 260.50; EUR V2 250.00 + V6 30.00 + 45.25
            .followUpCompletionRate(2.0 / 4)                    // completed V1, V6's B; missed V2, V6's A -> 2/4
            .csat(100.0 * 3 / 3)                                // V1 5, V2 4, V6 5 -> 3 of 3 = 100.0
            .nps(100.0 * 2 / 3 - 100.0 * 0 / 3)                 // V1 10 P, V2 9 P, V6 8 passive -> 66.67 - 0 = 66.67
            .servqual(dimensions(
                            1.5,        // T:    V1 +1, V6 +2 -> 3/2
                            -2.0,       // Rel:  V1 -2
                            0.0,        // Resp: V1 0
                            -0.5,       // A:    V1 +1, V6 -2 -> -1/2
                            -0.5),      // Emp:  V1 -1, V6 0 -> -1/2
                    -0.3,               // (1.5 - 2 + 0 - 0.5 - 0.5) / 5 = -1.5 / 5
                    -0.3);              // equal weights: 20 x -1.5 / 100

    /** CHAT: V3 V4 V8; no counted answer rates TANGIBLES or ASSURANCE. */
    private static final Expected CHAT = opened(3)
            .refundRate(0.0 / 3)                                // V3 failed, V4 rejected, V8 none -> 0/3
            .refundedAmountPerCurrency()                        // nothing sent: an empty list
            .followUpCompletionRate(0.0 / 2)                    // missed V3 (reached=false), V8; V4's is SCHEDULED -> 0/2
            .csat(100.0 * 0 / 1)                                // V4 3 -> 0 of 1 = 0.0
            .nps(100.0 * 0 / 3 - 100.0 * 2 / 3)                 // V3 7 passive, V4 6 D, V8 4 D -> 0 - 66.67 = -66.67
            // a dimension without answers has no score; the code's documented choice (DOMAIN.md is silent) is to
            // average and weight over the dimensions present, with the weights rescaled to the weights present
            .servqual(dimensions(
                            null,       // T:    no answer
                            -2.0,       // Rel:  V3 -3, V8 -1 -> -4/2
                            -2.5,       // Resp: V3 -3, V8 -2 -> -5/2
                            null,       // A:    no answer
                            2.0),       // Emp:  V8 +2
                    -2.5 / 3,           // (-2 - 2.5 + 2) / 3 = -0.8333
                    -2.5 / 3);          // (20 x -2 + 20 x -2.5 + 20 x 2) / (20 + 20 + 20) = -50 / 60 = -0.8333

    /** PHONE: V5 V7 V9. */
    private static final Expected PHONE = opened(3)
            .refundRate(1.0 / 3)                                // V7; V5's exchange carries no money -> 1/3
            .refundedAmountPerCurrency("200.00 CNY")            // V7 200.00
            .followUpCompletionRate(1.0 / 1)                    // completed V5's first; its second is SCHEDULED -> 1/1
            .csat(100.0 * 1 / 2)                                // V5 4, V7 1 -> 1 of 2 = 50.0
            .nps(100.0 * 2 / 3 - 100.0 * 1 / 3)                 // V5 9 P, V7 0 D, V9 9 P -> 66.67 - 33.33 = 33.33
            .servqual(dimensions(-2.0, 1.0, -1.0, 0.0, 3.0),    // V5 alone: T -2, Rel +1, Resp -1, A 0, Emp +3
                    0.2,                                        // (-2 + 1 - 1 + 0 + 3) / 5 = 1 / 5
                    0.2);                                       // equal weights: 20 x 1 / 100

    private final List<CaseScript> cases = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void backfill_nine_cases_of_september_2021_and_two_just_outside_through_the_http_api() {
        CaseScript v1 = open("V1", "EMAIL", "COMPLAINT", "500.00", "CNY", "2021-09-06T09:00:00Z");
        v1.reply("2021-09-06T09:10:00Z");
        String v1Refund = v1.requestRefund("REFUND_ONLY", "260.50", "CNY", "2021-09-06T09:20:00Z");
        v1.approve(v1Refund, "2021-09-06T09:25:00Z");
        v1.issue(v1Refund, "PAY-V1", "2021-09-06T09:30:00Z");
        v1.resolve("2021-09-06T10:00:00Z");
        String v1Call = v1.automaticCall("2021-09-08T10:00:00Z");
        v1.close("2021-09-06T12:00:00Z");
        v1.complete(v1Call, true, 2, "2021-09-08T10:05:00Z");
        v1.survey(5, 10, Map.of("TANGIBLES", rating(5, 6), "RELIABILITY", rating(7, 5), "RESPONSIVENESS", rating(6, 6),
                "ASSURANCE", rating(6, 7), "EMPATHY", rating(5, 4)), "2021-09-08T10:10:00Z");
        v1.expect("CLOSED", refunds("ISSUED"), calls("COMPLETED"));

        CaseScript v2 = open("V2", "EMAIL", "INQUIRY", "400.00", "EUR", "2021-09-06T11:00:00Z");
        String v2Refund = v2.requestRefund("RETURN_AND_REFUND", "250.00", "EUR", "2021-09-06T11:30:00Z");
        v2.approve(v2Refund, "2021-09-06T12:00:00Z");
        v2.issue(v2Refund, "PAY-V2", "2021-09-06T12:30:00Z");
        v2.issue(v2Refund, "PAY-V2", "2021-09-06T12:35:00Z");
        v2.resolve("2021-09-06T13:00:00Z");
        String v2Call = v2.scheduleCall("2021-09-07T10:00:00Z", "2021-09-06T13:05:00Z");
        v2.miss(v2Call, "2021-09-07T10:10:00Z");
        v2.survey(2, 9, null, "2021-09-07T11:00:00Z");
        v2.survey(4, null, null, "2021-09-07T12:00:00Z");
        v2.expect("RESOLVED", refunds("ISSUED"), calls("MISSED"));

        CaseScript v3 = open("V3", "CHAT", "COMPLAINT", "300.00", "CNY", "2021-09-06T14:00:00Z");
        String v3Refund = v3.requestRefund("REFUND_ONLY", "80.00", "CNY", "2021-09-06T14:10:00Z");
        v3.fail(v3Refund, "2021-09-06T14:20:00Z");
        v3.resolve("2021-09-06T15:00:00Z");
        String v3Call = v3.automaticCall("2021-09-08T15:00:00Z");
        v3.complete(v3Call, false, null, "2021-09-08T15:05:00Z");
        v3.survey(null, 7, Map.of("RELIABILITY", rating(6, 3), "RESPONSIVENESS", rating(7, 4)), "2021-09-08T16:00:00Z");
        v3.expect("RESOLVED", refunds("FAILED"), calls("MISSED"));

        CaseScript v4 = open("V4", "CHAT", "INQUIRY", "1000.00", "CNY", "2021-09-07T09:00:00Z");
        String v4Refund = v4.requestRefund("REFUND_ONLY", "350.00", "CNY", "2021-09-07T09:10:00Z");
        v4.reject(v4Refund, "2021-09-07T09:30:00Z");
        String v4Call = v4.scheduleCall("2021-09-10T09:00:00Z", "2021-09-07T09:40:00Z");
        v4.reschedule(v4Call, "2021-09-11T09:00:00Z", "2021-09-07T09:45:00Z");
        v4.survey(3, 6, null, "2021-09-07T10:00:00Z");
        v4.expect("OPEN", refunds("REJECTED"), calls("SCHEDULED"));

        CaseScript v5 = open("V5", "PHONE", "COMPLAINT", "90.00", "EUR", "2021-09-07T10:00:00Z");
        String v5Exchange = v5.requestRefund("EXCHANGE", null, null, "2021-09-07T10:10:00Z");
        v5.approve(v5Exchange, "2021-09-07T10:20:00Z");
        v5.issue(v5Exchange, "SHIP-V5", "2021-09-07T10:30:00Z");
        v5.resolve("2021-09-07T11:00:00Z");
        String v5FirstCall = v5.automaticCall("2021-09-09T11:00:00Z");
        v5.complete(v5FirstCall, true, null, "2021-09-09T11:30:00Z");
        v5.customerMessage("2021-09-10T09:00:00Z");
        v5.resolve("2021-09-10T10:00:00Z");
        v5.automaticCall("2021-09-12T10:00:00Z");
        v5.survey(4, 9, Map.of("TANGIBLES", rating(6, 4), "RELIABILITY", rating(6, 7), "RESPONSIVENESS", rating(6, 5),
                "ASSURANCE", rating(7, 7), "EMPATHY", rating(3, 6)), "2021-09-10T10:30:00Z");
        v5.expect("RESOLVED", refunds("ISSUED"), calls("COMPLETED", "SCHEDULED"));

        CaseScript v6 = open("V6", "EMAIL", "INQUIRY", "150.00", "EUR", "2021-09-07T13:00:00Z");
        String v6First = v6.requestRefund("REFUND_ONLY", "30.00", "EUR", "2021-09-07T13:10:00Z");
        v6.issue(v6First, "PAY-V6-A", "2021-09-07T13:20:00Z");
        String v6Second = v6.requestRefund("REFUND_ONLY", "45.25", "EUR", "2021-09-07T13:30:00Z");
        v6.issue(v6Second, "PAY-V6-B", "2021-09-07T13:40:00Z");
        String v6Third = v6.requestRefund("REFUND_ONLY", "20.00", "EUR", "2021-09-07T13:50:00Z");
        v6.fail(v6Third, "2021-09-07T14:00:00Z");
        v6.resolve("2021-09-07T14:30:00Z");
        String v6CallA = v6.scheduleCall("2021-09-08T09:00:00Z", "2021-09-07T14:35:00Z");
        v6.miss(v6CallA, "2021-09-08T09:10:00Z");
        String v6CallB = v6.scheduleCall("2021-09-08T16:00:00Z", "2021-09-08T09:15:00Z");
        v6.complete(v6CallB, true, 4, "2021-09-08T16:05:00Z");
        v6.survey(5, 8, Map.of("TANGIBLES", rating(4, 6), "ASSURANCE", rating(6, 4), "EMPATHY", rating(6, 6)),
                "2021-09-08T17:00:00Z");
        v6.expect("RESOLVED", refunds("ISSUED", "ISSUED", "FAILED"), calls("MISSED", "COMPLETED"));

        CaseScript v7 = open("V7", "PHONE", "INQUIRY", "200.00", "CNY", "2021-09-08T08:00:00Z");
        String v7Refund = v7.requestRefund("REFUND_ONLY", "200.00", "CNY", "2021-09-08T08:10:00Z");
        v7.issue(v7Refund, "PAY-V7", "2021-09-08T08:20:00Z");
        v7.resolve("2021-09-08T08:30:00Z");
        v7.close("2021-09-08T09:00:00Z");
        v7.survey(1, 0, null, "2021-09-08T10:00:00Z");
        v7.expect("CLOSED", refunds("ISSUED"), calls());

        CaseScript v8 = open("V8", "CHAT", "COMPLAINT", null, null, "2021-09-08T12:00:00Z");
        v8.reply("2021-09-08T12:10:00Z");
        v8.survey(null, 10, Map.of("TANGIBLES", rating(1, 7), "RELIABILITY", rating(1, 7)), "2021-09-08T12:30:00Z");
        v8.resolve("2021-09-08T13:00:00Z");
        String v8Call = v8.automaticCall("2021-09-10T13:00:00Z");
        v8.miss(v8Call, "2021-09-10T13:30:00Z");
        v8.survey(null, 4, Map.of("RELIABILITY", rating(7, 6), "RESPONSIVENESS", rating(5, 3), "EMPATHY", rating(3, 5)),
                "2021-09-11T09:00:00Z");
        v8.expect("RESOLVED", refunds(), calls("MISSED"));

        CaseScript v9 = open("V9", "PHONE", "INQUIRY", null, null, "2021-09-08T18:00:00Z");
        v9.survey(null, 9, null, "2021-09-08T18:30:00Z");
        v9.expect("OPEN", refunds(), calls());

        // just outside P: each would move every figure if it were counted
        CaseScript w = open("W", "EMAIL", "COMPLAINT", "100.00", "CNY", "2021-09-05T23:59:59Z");
        String wRefund = w.requestRefund("REFUND_ONLY", "50.00", "CNY", "2021-09-06T00:10:00Z");
        w.issue(wRefund, "PAY-W", "2021-09-06T00:20:00Z");
        w.survey(1, 0, Map.of("TANGIBLES", rating(7, 1)), "2021-09-06T00:30:00Z");
        String wCall = w.scheduleCall("2021-09-07T00:00:00Z", "2021-09-06T00:40:00Z");
        w.miss(wCall, "2021-09-07T00:10:00Z");
        w.expect("OPEN", refunds("ISSUED"), calls("MISSED"));

        CaseScript x = open("X", "PHONE", "INQUIRY", "100.00", "EUR", "2021-09-09T00:00:00Z");
        String xRefund = x.requestRefund("REFUND_ONLY", "99.99", "EUR", "2021-09-09T00:10:00Z");
        x.issue(xRefund, "PAY-X", "2021-09-09T00:20:00Z");
        x.survey(5, 10, Map.of("EMPATHY", rating(1, 7)), "2021-09-09T00:30:00Z");
        String xCall = x.scheduleCall("2021-09-10T00:00:00Z", "2021-09-09T00:40:00Z");
        x.complete(xCall, true, 5, "2021-09-10T00:10:00Z");
        x.expect("OPEN", refunds("ISSUED"), calls("COMPLETED"));

        cases.forEach(CaseScript::awaitView);
        awaitReportProjection();
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

    @Test
    void the_csv_export_has_a_column_per_figure_and_a_total_row_that_matches_the_hand_worked_figures() {
        Map<String, Map<String, String>> rows = csv(PERIOD + "&groupBy=channel");

        assertThat(rows.keySet()).containsExactly("CHAT", "EMAIL", "PHONE", "TOTAL");
        SoftAssertions softly = new SoftAssertions();
        TOTAL.checkCsv(softly, "TOTAL", rows.get("TOTAL"));
        CHAT.checkCsv(softly, "CHAT", rows.get("CHAT"));
        EMAIL.checkCsv(softly, "EMAIL", rows.get("EMAIL"));
        PHONE.checkCsv(softly, "PHONE", rows.get("PHONE"));
        softly.assertAll();
    }

    @Test
    void the_csv_export_shows_the_weighted_score_of_explicit_weights() {
        Map<String, Map<String, String>> rows = csv(PERIOD + "&" + WEIGHTS);

        assertThat(rows.keySet()).containsExactly("TOTAL");
        SoftAssertions softly = new SoftAssertions();
        TOTAL.weighted(-61.0 / 120).checkCsv(softly, "TOTAL", rows.get("TOTAL"));   // as in the JSON test
        softly.assertAll();
    }

    // --- the scenario ---

    private CaseScript open(String name, String channel, String type, String orderAmount, String currency, String openedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("customerId", PREFIX + "customer-" + name);
        body.put("subject", "Voice-of-customer scenario case " + name);
        if (orderAmount != null) {
            body.put("orderId", PREFIX + "order-" + name + "-" + run);
            body.put("orderAmount", money(orderAmount, currency));
        }
        body.put("occurredAt", openedAt);
        CaseScript script = new CaseScript(name, openCase(body));
        cases.add(script);
        return script;
    }

    private static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    private static Map<String, Object> rating(int expectation, int perception) {
        return Map.of("expectation", expectation, "perception", perception);
    }

    private static List<String> refunds(String... statuses) {
        return List.of(statuses);
    }

    private static List<String> calls(String... statuses) {
        return List.of(statuses);
    }

    /** One backfilled case: sends its commands in order and remembers the version the last one reached. */
    private final class CaseScript {

        private final String name;
        private final String caseId;
        private long version;
        private String expectedStatus;
        private List<String> expectedRefunds;
        private List<String> expectedCalls;

        CaseScript(String name, String caseId) {
            this.name = name;
            this.caseId = caseId;
        }

        void reply(String at) {
            send("replies", Map.of("agentId", PREFIX + "agent", "body", "We are on it.", "occurredAt", at));
        }

        void customerMessage(String at) {
            send("customer-messages", Map.of("body", "It is broken again.", "occurredAt", at));
        }

        void resolve(String at) {
            send("resolve", Map.of("resolutionCode", "SETTLED", "occurredAt", at));
        }

        void close(String at) {
            send("close", Map.of("occurredAt", at));
        }

        /** Requests an after-sales action (amount null for an exchange) and answers its refundId. */
        String requestRefund(String kind, String amount, String currency, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            if (amount != null) {
                body.put("amount", money(amount, currency));
            }
            body.put("reason", "Customer asked for " + kind);
            body.put("occurredAt", at);
            return created("refunds", body).get("refundId").asText();
        }

        void approve(String refundId, String at) {
            send("refunds/" + refundId + "/approve", Map.of("approverId", PREFIX + "supervisor", "occurredAt", at));
        }

        void reject(String refundId, String at) {
            send("refunds/" + refundId + "/reject", Map.of("reason", "Outside the return window", "occurredAt", at));
        }

        void issue(String refundId, String reference, String at) {
            send("refunds/" + refundId + "/issue", Map.of("paymentReference", reference, "occurredAt", at));
        }

        void fail(String refundId, String at) {
            send("refunds/" + refundId + "/fail", Map.of("reason", "The bank declined", "occurredAt", at));
        }

        String scheduleCall(String scheduledFor, String at) {
            return created("follow-ups", Map.of("scheduledFor", scheduledFor, "purpose", "How did it go?", "occurredAt", at))
                    .get("followUpId").asText();
        }

        /** The automatic call the latest resolution of this complaint scheduled, read from the case view. */
        String automaticCall(String expectedScheduledFor) {
            for (JsonNode call : view(caseId, version).get("followUps")) {
                if (call.get("automatic").asBoolean() && "SCHEDULED".equals(call.get("status").asText())) {
                    assertThat(Instant.parse(call.get("scheduledFor").asText())).as("automatic call of " + name)
                            .isEqualTo(Instant.parse(expectedScheduledFor));
                    return call.get("followUpId").asText();
                }
            }
            throw new AssertionError("Case " + name + " has no scheduled automatic call: " + view(caseId, version));
        }

        void complete(String followUpId, boolean reached, Integer satisfaction, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reached", reached);
            if (satisfaction != null) {
                body.put("satisfaction", satisfaction);
            }
            body.put("occurredAt", at);
            send("follow-ups/" + followUpId + "/complete", body);
        }

        void miss(String followUpId, String at) {
            send("follow-ups/" + followUpId + "/miss", Map.of("reason", "No answer", "occurredAt", at));
        }

        void reschedule(String followUpId, String scheduledFor, String at) {
            send("follow-ups/" + followUpId + "/reschedule", Map.of("scheduledFor", scheduledFor, "occurredAt", at));
        }

        void survey(Integer csat, Integer nps, Map<String, Object> servqual, String at) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (csat != null) {
                body.put("csat", csat);
            }
            if (nps != null) {
                body.put("nps", nps);
            }
            if (servqual != null) {
                body.put("servqual", servqual);
            }
            body.put("occurredAt", at);
            send("surveys", body);
        }

        void expect(String status, List<String> refundStatuses, List<String> callStatuses) {
            expectedStatus = status;
            expectedRefunds = refundStatuses;
            expectedCalls = callStatuses;
        }

        /** Waits for the case view to reach the last version, and checks the scenario went as the table says. */
        void awaitView() {
            JsonNode view = view(caseId, version);
            assertThat(view.get("status").asText()).as("status of case " + name).isEqualTo(expectedStatus);
            assertThat(statuses(view.get("refunds"))).as("refunds of case " + name)
                    .containsExactlyInAnyOrderElementsOf(expectedRefunds);
            assertThat(statuses(view.get("followUps"))).as("follow-up calls of case " + name)
                    .containsExactlyInAnyOrderElementsOf(expectedCalls);
        }

        private List<String> statuses(JsonNode items) {
            List<String> statuses = new ArrayList<>();
            if (items != null) {
                items.forEach(item -> statuses.add(item.get("status").asText()));
            }
            return statuses;
        }

        private void send(String action, Map<String, Object> body) {
            version = command(caseId, action, body);
        }

        private JsonNode created(String path, Map<String, Object> body) {
            ResponseEntity<String> response = post("/api/cases/" + caseId + "/" + path, body);
            assertThat(response.getStatusCode().value()).as(name + " " + path + ": " + response.getBody()).isEqualTo(201);
            JsonNode answer = json(response);
            version = answer.get("version").asLong();
            return answer;
        }
    }

    /**
     * The report reads its own projection (the service-levels processor, in several segments), which the case
     * views' minVersion does not cover: poll until P's total has all nine cases and their figures, or give up and
     * let the assertions show the difference.
     */
    private void awaitReportProjection() {
        awaitReport(PERIOD, report -> {
            JsonNode total = report.get("total");
            SoftAssertions softly = new SoftAssertions();
            TOTAL.check(softly, "total", total);
            return total.path("casesOpened").asLong() == TOTAL.opened && softly.wasSuccess();
        });
    }

    // --- reading the report ---

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

    /** The CSV report's rows by key; the header must name the voice-of-customer columns in the code's order. */
    private Map<String, Map<String, String>> csv(String query) {
        ResponseEntity<String> response = get(REPORT + query, "Accept", "text/csv");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<String> lines = List.of(response.getBody().split("\r?\n"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertThat(header).containsSubsequence("key", "casesOpened", "refundRate", "refundedAmount",
                "followUpCompletionRate", "csat", "nps", "servqualUnweighted", "servqualWeighted", "servqualTANGIBLES",
                "servqualRELIABILITY", "servqualRESPONSIVENESS", "servqualASSURANCE", "servqualEMPATHY");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            assertThat(cells).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.put(row.get("key"), row);
        }
        return rows;
    }

    // --- expected figures ---

    private static Expected opened(long cases) {
        return new Expected(cases, null, List.of(), null, null, null, null, null, null);
    }

    /** TANGIBLES, RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY; null for a dimension without answers. */
    private static Map<String, Double> dimensions(Double tangibles, Double reliability, Double responsiveness,
                                                  Double assurance, Double empathy) {
        Map<String, Double> scores = new LinkedHashMap<>();
        List<Double> values = Arrays.asList(tangibles, reliability, responsiveness, assurance, empathy);
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            scores.put(DIMENSIONS.get(i), values.get(i));
        }
        return scores;
    }

    /**
     * The voice-of-customer figures a cohort must show, worked out by hand; refunded amounts as "amount CUR" in
     * currency order. A figure without data is null.
     */
    private record Expected(long opened, Double refundRate, List<String> refundedAmount, Double followUpCompletionRate,
                            Double csat, Double nps, Map<String, Double> servqualDimensions, Double servqualUnweighted,
                            Double servqualWeighted) {

        Expected refundRate(double rate) {
            return new Expected(opened, rate, refundedAmount, followUpCompletionRate, csat, nps, servqualDimensions,
                    servqualUnweighted, servqualWeighted);
        }

        Expected refundedAmountPerCurrency(String... amounts) {
            return new Expected(opened, refundRate, List.of(amounts), followUpCompletionRate, csat, nps,
                    servqualDimensions, servqualUnweighted, servqualWeighted);
        }

        Expected followUpCompletionRate(double rate) {
            return new Expected(opened, refundRate, refundedAmount, rate, csat, nps, servqualDimensions,
                    servqualUnweighted, servqualWeighted);
        }

        Expected csat(double percentage) {
            return new Expected(opened, refundRate, refundedAmount, followUpCompletionRate, percentage, nps,
                    servqualDimensions, servqualUnweighted, servqualWeighted);
        }

        Expected nps(double score) {
            return new Expected(opened, refundRate, refundedAmount, followUpCompletionRate, csat, score,
                    servqualDimensions, servqualUnweighted, servqualWeighted);
        }

        Expected servqual(Map<String, Double> dimensions, double unweighted, double weighted) {
            return new Expected(opened, refundRate, refundedAmount, followUpCompletionRate, csat, nps, dimensions,
                    unweighted, weighted);
        }

        /** The same figures under other importance weights: only the weighted score moves. */
        Expected weighted(double weighted) {
            return new Expected(opened, refundRate, refundedAmount, followUpCompletionRate, csat, nps,
                    servqualDimensions, servqualUnweighted, weighted);
        }

        void check(String label, JsonNode metrics) {
            SoftAssertions softly = new SoftAssertions();
            check(softly, label, metrics);
            softly.assertAll();
        }

        void check(SoftAssertions softly, String label, JsonNode metrics) {
            softly.assertThat(metrics.path("casesOpened").asLong()).as(label + " casesOpened").isEqualTo(opened);
            number(softly, label + " refundRate", metrics.get("refundRate"), refundRate);
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
            number(softly, label + " followUpCompletionRate", metrics.get("followUpCompletionRate"), followUpCompletionRate);
            number(softly, label + " csat", metrics.get("csat"), csat);
            number(softly, label + " nps", metrics.get("nps"), nps);
            JsonNode servqual = metrics.path("servqual");
            for (String dimension : DIMENSIONS) {
                number(softly, label + " servqual " + dimension, servqual.path("dimensions").get(dimension),
                        servqualDimensions.get(dimension));
            }
            number(softly, label + " servqual unweighted", servqual.get("unweighted"), servqualUnweighted);
            number(softly, label + " servqual weighted", servqual.get("weighted"), servqualWeighted);
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

        /** A figure without data is null or absent; otherwise a number within 1e-9 of the hand-worked one. */
        private static void number(SoftAssertions softly, String label, JsonNode actual, Double expected) {
            if (expected == null) {
                softly.assertThat(actual == null || actual.isNull()).as(label + " is null: " + actual).isTrue();
            } else {
                softly.assertThat(actual != null && actual.isNumber()).as(label + " is a number: " + actual).isTrue();
                if (actual != null && actual.isNumber()) {
                    softly.assertThat(actual.asDouble()).as(label).isCloseTo(expected, within(TOLERANCE));
                }
            }
        }

        /** A CSV cell: empty without data, otherwise a number within 1e-9 of the hand-worked one. */
        private static void cell(SoftAssertions softly, String label, String actual, Double expected) {
            if (expected == null) {
                softly.assertThat(actual).as(label).isEmpty();
                return;
            }
            softly.assertThat(actual).as(label).isNotNull();
            double value;
            try {
                value = Double.parseDouble(actual);
            } catch (NumberFormatException | NullPointerException e) {
                softly.fail(label + " is not a number: " + actual);
                return;
            }
            softly.assertThat(value).as(label).isCloseTo(expected, within(TOLERANCE));
        }
    }
}
