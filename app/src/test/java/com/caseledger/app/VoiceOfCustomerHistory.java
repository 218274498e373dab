package com.caseledger.app;

import com.caseledger.app.ReportScenario.BackfilledCase;

import java.util.Map;

import static com.caseledger.app.ReportScenario.calls;
import static com.caseledger.app.ReportScenario.rating;
import static com.caseledger.app.ReportScenario.refunds;
import static com.caseledger.app.VoiceOfCustomerFigures.dimensions;
import static com.caseledger.app.VoiceOfCustomerFigures.opened;

/**
 * The history the voice-of-customer report classes read (refunds, follow-up calls, CSAT, NPS and SERVQUAL): a
 * backfilled September 2021, a period no other test class uses. It is backfilled once per application and read by
 * {@link VoiceOfCustomerReportHttpTest} and {@link ServqualWeightsHttpTest}. Every expected figure is worked out
 * by hand from DOMAIN.md's definitions.
 *
 * <p>The period P is [2021-09-06T00:00Z, 2021-09-09T00:00Z); all times are UTC, in 2021-09. The auto-approval
 * limit is 200.00 (larger money refunds, and every exchange, need an explicit approve); a resolved COMPLAINT gets
 * an automatic follow-up call two days later. Orders are ids of this history's own, so no other test's refunds
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
final class VoiceOfCustomerHistory {

    static final String PREFIX = "vocreport-";
    static final String AGENT = PREFIX + "agent";
    static final String PERIOD = "from=2021-09-06T00:00:00Z&to=2021-09-09T00:00:00Z";

    /** The total of P, cases V1 to V9, with equal SERVQUAL weights. */
    static final VoiceOfCustomerFigures TOTAL = opened(9)
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
    static final VoiceOfCustomerFigures EMAIL = opened(3)
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
    static final VoiceOfCustomerFigures CHAT = opened(3)
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
    static final VoiceOfCustomerFigures PHONE = opened(3)
            .refundRate(1.0 / 3)                                // V7; V5's exchange carries no money -> 1/3
            .refundedAmountPerCurrency("200.00 CNY")            // V7 200.00
            .followUpCompletionRate(1.0 / 1)                    // completed V5's first; its second is SCHEDULED -> 1/1
            .csat(100.0 * 1 / 2)                                // V5 4, V7 1 -> 1 of 2 = 50.0
            .nps(100.0 * 2 / 3 - 100.0 * 1 / 3)                 // V5 9 P, V7 0 D, V9 9 P -> 66.67 - 33.33 = 33.33
            .servqual(dimensions(-2.0, 1.0, -1.0, 0.0, 3.0),    // V5 alone: T -2, Rel +1, Resp -1, A 0, Emp +3
                    0.2,                                        // (-2 + 1 - 1 + 0 + 3) / 5 = 1 / 5
                    0.2);                                       // equal weights: 20 x 1 / 100

    private VoiceOfCustomerHistory() {
    }

    /**
     * Backfills the eleven cases through the HTTP API unless the application already holds them, then waits for
     * the report to show all nine cases of P and their figures (the report covers every case of the period, in every
     * segment of the read side, which one case's minVersion does not); it gives up after a while and lets the
     * assertions show the difference.
     */
    static void backfillOnce(ReportHttpTest test) {
        ReportScenario.once(test, "voice-of-customer history of September 2021", () -> backfill(test));
        test.awaitReport(PERIOD, report -> TOTAL.shownBy(report.get("total")));
    }

    private static void backfill(ReportHttpTest test) {
        ReportScenario september = new ReportScenario(test, PREFIX, "Voice-of-customer scenario case ");
        BackfilledCase v1 = september.openOnOrder("V1", "EMAIL", "COMPLAINT", "500.00", "CNY", "2021-09-06T09:00:00Z");
        v1.reply(AGENT, "2021-09-06T09:10:00Z");
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

        BackfilledCase v2 = september.openOnOrder("V2", "EMAIL", "INQUIRY", "400.00", "EUR", "2021-09-06T11:00:00Z");
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

        BackfilledCase v3 = september.openOnOrder("V3", "CHAT", "COMPLAINT", "300.00", "CNY", "2021-09-06T14:00:00Z");
        String v3Refund = v3.requestRefund("REFUND_ONLY", "80.00", "CNY", "2021-09-06T14:10:00Z");
        v3.fail(v3Refund, "2021-09-06T14:20:00Z");
        v3.resolve("2021-09-06T15:00:00Z");
        String v3Call = v3.automaticCall("2021-09-08T15:00:00Z");
        v3.complete(v3Call, false, null, "2021-09-08T15:05:00Z");
        v3.survey(null, 7, Map.of("RELIABILITY", rating(6, 3), "RESPONSIVENESS", rating(7, 4)), "2021-09-08T16:00:00Z");
        v3.expect("RESOLVED", refunds("FAILED"), calls("MISSED"));

        BackfilledCase v4 = september.openOnOrder("V4", "CHAT", "INQUIRY", "1000.00", "CNY", "2021-09-07T09:00:00Z");
        String v4Refund = v4.requestRefund("REFUND_ONLY", "350.00", "CNY", "2021-09-07T09:10:00Z");
        v4.reject(v4Refund, "2021-09-07T09:30:00Z");
        String v4Call = v4.scheduleCall("2021-09-10T09:00:00Z", "2021-09-07T09:40:00Z");
        v4.reschedule(v4Call, "2021-09-11T09:00:00Z", "2021-09-07T09:45:00Z");
        v4.survey(3, 6, null, "2021-09-07T10:00:00Z");
        v4.expect("OPEN", refunds("REJECTED"), calls("SCHEDULED"));

        BackfilledCase v5 = september.openOnOrder("V5", "PHONE", "COMPLAINT", "90.00", "EUR", "2021-09-07T10:00:00Z");
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

        BackfilledCase v6 = september.openOnOrder("V6", "EMAIL", "INQUIRY", "150.00", "EUR", "2021-09-07T13:00:00Z");
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

        BackfilledCase v7 = september.openOnOrder("V7", "PHONE", "INQUIRY", "200.00", "CNY", "2021-09-08T08:00:00Z");
        String v7Refund = v7.requestRefund("REFUND_ONLY", "200.00", "CNY", "2021-09-08T08:10:00Z");
        v7.issue(v7Refund, "PAY-V7", "2021-09-08T08:20:00Z");
        v7.resolve("2021-09-08T08:30:00Z");
        v7.close("2021-09-08T09:00:00Z");
        v7.survey(1, 0, null, "2021-09-08T10:00:00Z");
        v7.expect("CLOSED", refunds("ISSUED"), calls());

        BackfilledCase v8 = september.open("V8", "CHAT", "COMPLAINT", "2021-09-08T12:00:00Z");
        v8.reply(AGENT, "2021-09-08T12:10:00Z");
        v8.survey(null, 10, Map.of("TANGIBLES", rating(1, 7), "RELIABILITY", rating(1, 7)), "2021-09-08T12:30:00Z");
        v8.resolve("2021-09-08T13:00:00Z");
        String v8Call = v8.automaticCall("2021-09-10T13:00:00Z");
        v8.miss(v8Call, "2021-09-10T13:30:00Z");
        v8.survey(null, 4, Map.of("RELIABILITY", rating(7, 6), "RESPONSIVENESS", rating(5, 3), "EMPATHY", rating(3, 5)),
                "2021-09-11T09:00:00Z");
        v8.expect("RESOLVED", refunds(), calls("MISSED"));

        BackfilledCase v9 = september.open("V9", "PHONE", "INQUIRY", "2021-09-08T18:00:00Z");
        v9.survey(null, 9, null, "2021-09-08T18:30:00Z");
        v9.expect("OPEN", refunds(), calls());

        // just outside P: each would move every figure if it were counted
        BackfilledCase w = september.openOnOrder("W", "EMAIL", "COMPLAINT", "100.00", "CNY", "2021-09-05T23:59:59Z");
        String wRefund = w.requestRefund("REFUND_ONLY", "50.00", "CNY", "2021-09-06T00:10:00Z");
        w.issue(wRefund, "PAY-W", "2021-09-06T00:20:00Z");
        w.survey(1, 0, Map.of("TANGIBLES", rating(7, 1)), "2021-09-06T00:30:00Z");
        String wCall = w.scheduleCall("2021-09-07T00:00:00Z", "2021-09-06T00:40:00Z");
        w.miss(wCall, "2021-09-07T00:10:00Z");
        w.expect("OPEN", refunds("ISSUED"), calls("MISSED"));

        BackfilledCase x = september.openOnOrder("X", "PHONE", "INQUIRY", "100.00", "EUR", "2021-09-09T00:00:00Z");
        String xRefund = x.requestRefund("REFUND_ONLY", "99.99", "EUR", "2021-09-09T00:10:00Z");
        x.issue(xRefund, "PAY-X", "2021-09-09T00:20:00Z");
        x.survey(5, 10, Map.of("EMPATHY", rating(1, 7)), "2021-09-09T00:30:00Z");
        String xCall = x.scheduleCall("2021-09-10T00:00:00Z", "2021-09-09T00:40:00Z");
        x.complete(xCall, true, 5, "2021-09-10T00:10:00Z");
        x.expect("OPEN", refunds("ISSUED"), calls("COMPLETED"));

        september.awaitViews();
    }
}
