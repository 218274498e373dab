package com.caseledger.app;

import static com.caseledger.app.ServiceLevelFigures.opened;

/**
 * The history the service-level report classes read: a backfilled June 2022, a period no other test class uses
 * (their cases are opened "now", or in other months). It is backfilled once per application and read by
 * {@link ServiceLevelReportHttpTest}, {@link ServiceLevelReportByAttributeHttpTest} and
 * {@link ServiceLevelReportByCalendarHttpTest}. Every expected figure is worked out by hand from DOMAIN.md's
 * definitions.
 *
 * <p>The period P is [2022-06-13T00:00Z, 2022-06-18T00:00Z): Monday 13, Tuesday 14 and Thursday 16 have cases,
 * Wednesday 15 and Friday 17 have none. All times are UTC; "SH" is the local day in Asia/Shanghai (UTC+8).
 * Agents are ana, bo and cy (prefixed {@value #PREFIX}); durations are in seconds.
 * <pre>
 * case ch    type opened(UTC)  SH    events                                                  now      at end of P
 * A    EMAIL INQ  13 09:00     13    assign ana 09:05, reply 09:10, resolve 10:00             RESOLVED RESOLVED
 * B    CHAT  COMP 13 10:00     13    assign bo, note 10:05, replies 10:20 10:40, resolve 11:00, close 12:00
 *                                                                                             CLOSED   CLOSED
 * C    PHONE INQ  13 11:00     13    resolve 11:30 with no reply (unassigned)                 RESOLVED RESOLVED
 * D    EMAIL COMP 13 12:00     13    assign ana, reply 13:00, await 13:30, customer msg 15:30 (resumes),
 *                                    reply 16:00, resolve 16:30                               RESOLVED RESOLVED
 * E    CHAT  INQ  14 08:00     14    assign bo, reply 08:05, resolve 08:30, customer msg 10:00 (reopen),
 *                                    reply 10:30, resolve 11:00                               RESOLVED RESOLVED
 * F    PHONE COMP 14 09:00     14    reply by cy 09:15 (unassigned), await 09:30              PENDING  PENDING
 * G    EMAIL INQ  14 13:00     14    assign cy, note 13:10                                    OPEN     OPEN
 * H    CHAT  INQ  14 17:30     15    assign ana, reply 18:00, resolve 19th 10:00 (after P)    RESOLVED OPEN
 * I    PHONE COMP 16 09:00     16    assign bo, reply 09:30, resolve 10:00, explicit reopen 11:00,
 *                                    reply 11:30, resolve 12:00                               RESOLVED RESOLVED
 * J    EMAIL INQ  16 10:00     16    assign ana, reassign cy 10:30, reply 11:00, resolve 11:20, close 12:00
 *                                                                                             CLOSED   CLOSED
 * K    CHAT  COMP 16 14:00     16    reply by bo 14:10 (unassigned), await 14:20, customer msg 16:20,
 *                                    resolve 16:50, customer msg 19th 09:00 (reopen after P)  OPEN     RESOLVED
 * L    EMAIL COMP 16 20:00     17    assign bo, replies 20:30 21:00, note 21:05               OPEN     OPEN
 * M    PHONE INQ  16 23:00     17    note by cy 23:10 (unassigned), resolve 23:30             RESOLVED RESOLVED
 * O    CHAT  INQ  12 23:59:59  13    opened only: one second before P                         OPEN
 * N    PHONE INQ  18 00:00     18    opened only: exactly at P's exclusive end                OPEN
 * </pre>
 * Per case of P (FR first reply, FRes first resolution, Full full resolution, Wait requester wait):
 * <pre>
 * case replies reopens resolvedEver FR    FRes    Full    Wait
 * A    1       0       yes          600   3600    3600    3600
 * B    2       0       yes          1200  3600    3600    3600
 * C    0       0       yes          -     1800    1800    1800
 * D    2       0       yes          3600  16200   16200   9000   (open 12:00-13:30 5400 + 15:30-16:30 3600)
 * E    2       1       yes          300   1800    10800   5400   (open 08:00-08:30 1800 + 10:00-11:00 3600)
 * F    1       0       no           900   -       -       -
 * G    0       0       no           -     -       -       -
 * H    1       0       yes          1800  405000  405000  405000 (14th 17:30 to 19th 10:00 = 5 days - 7.5 h)
 * I    2       1       yes          1800  3600    10800   7200   (open 09:00-10:00 3600 + 11:00-12:00 3600)
 * J    1       0       yes          3600  4800    4800    4800
 * K    1       1       yes          600   10200   -       3000   (open 14:00-14:20 1200 + 16:20-16:50 1800)
 * L    2       0       no           1800  -       -       -
 * M    0       0       yes          -     1800    1800    1800   (the note is no reply)
 * </pre>
 * K is OPEN now, so it has no full resolution time; its requester wait runs to its latest resolution (16:50),
 * which DOMAIN.md does not tie to the current status, so it counts.
 */
final class ServiceLevelHistory {

    static final String PREFIX = "slreport-";
    static final String ANA = PREFIX + "ana";
    static final String BO = PREFIX + "bo";
    static final String CY = PREFIX + "cy";
    static final String PERIOD = "from=2022-06-13T00:00:00Z&to=2022-06-18T00:00:00Z";

    /** The total of P: cases A to M. */
    static final ServiceLevelFigures PERIOD_TOTAL = opened(13)
            .resolved(9)        // A B C D E H I J M (RESOLVED or CLOSED now) -> 9/13
            .oneTouch(5)        // resolved with < 2 replies: A(1) C(0) H(1) J(1) M(0) -> 5/9
            .reopened(3, 10)    // reopened E I K / resolved ever A B C D E H I J K M -> 3/10
            .complaints(6)      // B D F I K L -> 6/13
            .backlog(4)         // not resolved at 18th 00:00: F G L, and H (resolved only on the 19th) -> 4; K was RESOLVED then
            // FR sorted 300 600 600 900 1200 1800 1800 1800 3600 3600: sum 16200, mean 1620; median ceil(0.5*10)=5th 1200; p90 ceil(0.9*10)=9th 3600
            .firstReply(10, 16200, 1200, 3600)
            // FRes sorted 1800 1800 1800 3600 3600 3600 4800 10200 16200 405000: sum 452400, mean 45240; 5th 3600; 9th 16200
            .firstResolution(10, 452400, 3600, 16200)
            // Full (not K) sorted 1800 1800 3600 3600 4800 10800 10800 16200 405000: sum 458400, mean 50933.3; ceil(4.5)=5th 4800; ceil(8.1)=9th 405000
            .fullResolution(9, 458400, 4800, 405000)
            // Wait sorted 1800 1800 3000 3600 3600 4800 5400 7200 9000 405000: sum 445200, mean 44520; 5th 3600; 9th 9000
            .requesterWait(10, 445200, 3600, 9000);

    /** The EMAIL cases of P: A D G J L. */
    static final ServiceLevelFigures EMAIL = opened(5)
            .resolved(3)        // A D J -> 3/5
            .oneTouch(2)        // A(1) J(1); D has 2 replies -> 2/3
            .reopened(0, 3)     // none of A D J reopened -> 0/3
            .complaints(2)      // D L -> 2/5
            .backlog(2)         // G L
            .firstReply(4, 9600, 1800, 3600)          // A 600, D 3600, J 3600, L 1800 (G none): sorted 600 1800 3600 3600, sum 9600, mean 2400; 2nd 1800; ceil(3.6)=4th 3600
            .firstResolution(3, 24600, 4800, 16200)   // A 3600, D 16200, J 4800: sorted 3600 4800 16200, sum 24600, mean 8200; ceil(1.5)=2nd 4800; ceil(2.7)=3rd 16200
            .fullResolution(3, 24600, 4800, 16200)    // the same three
            .requesterWait(3, 17400, 4800, 9000);     // A 3600, D 9000, J 4800: sorted 3600 4800 9000, sum 17400, mean 5800; 2nd 4800; 3rd 9000

    /** The cases opened on Monday 13th, in UTC and in Shanghai alike: A B C D. */
    static final ServiceLevelFigures DAY_13 = opened(4)
            .resolved(4)        // all four -> 4/4
            .oneTouch(2)        // A(1) C(0); B D have 2 -> 2/4
            .reopened(0, 4)
            .complaints(2)      // B D -> 2/4
            .backlog(0)
            .firstReply(3, 5400, 1200, 3600)           // A 600 B 1200 D 3600 (C none): mean 1800; ceil(1.5)=2nd 1200; ceil(2.7)=3rd 3600
            .firstResolution(4, 25200, 3600, 16200)    // A 3600 B 3600 C 1800 D 16200: sorted 1800 3600 3600 16200, mean 6300; 2nd 3600; 4th 16200
            .fullResolution(4, 25200, 3600, 16200)     // the same four
            .requesterWait(4, 18000, 3600, 9000);      // A 3600 B 3600 C 1800 D 9000: sorted 1800 3600 3600 9000, mean 4500; 2nd 3600; 4th 9000

    private ServiceLevelHistory() {
    }

    /**
     * Backfills the fifteen cases through the HTTP API unless the application already holds them, then waits for
     * the report to show P's total (the report covers every case of the period, in every segment of the read side,
     * which one case's minVersion does not); it gives up after a while and lets the assertions show the difference.
     */
    static void backfillOnce(ReportHttpTest test) {
        ReportScenario.once(test, "service-level history of June 2022", () -> backfill(test));
        test.awaitReport(PERIOD, report -> PERIOD_TOTAL.shownBy(report.get("total")));
    }

    private static void backfill(ReportHttpTest test) {
        ReportScenario june = new ReportScenario(test, PREFIX, "Service-level scenario case ");
        // Monday 13th
        june.open("A", "EMAIL", "INQUIRY", "2022-06-13T09:00:00Z").assign(ANA, "2022-06-13T09:05:00Z")
                .reply(ANA, "2022-06-13T09:10:00Z").resolve("2022-06-13T10:00:00Z").expect("RESOLVED");
        june.open("B", "CHAT", "COMPLAINT", "2022-06-13T10:00:00Z").assign(BO, "2022-06-13T10:01:00Z")
                .note(BO, "2022-06-13T10:05:00Z").reply(BO, "2022-06-13T10:20:00Z").reply(BO, "2022-06-13T10:40:00Z")
                .resolve("2022-06-13T11:00:00Z").close("2022-06-13T12:00:00Z").expect("CLOSED");
        june.open("C", "PHONE", "INQUIRY", "2022-06-13T11:00:00Z").resolve("2022-06-13T11:30:00Z").expect("RESOLVED");
        june.open("D", "EMAIL", "COMPLAINT", "2022-06-13T12:00:00Z").assign(ANA, "2022-06-13T12:10:00Z")
                .reply(ANA, "2022-06-13T13:00:00Z").awaitCustomer("2022-06-13T13:30:00Z")
                .customerMessage("2022-06-13T15:30:00Z").reply(ANA, "2022-06-13T16:00:00Z")
                .resolve("2022-06-13T16:30:00Z").expect("RESOLVED");
        // Tuesday 14th
        june.open("E", "CHAT", "INQUIRY", "2022-06-14T08:00:00Z").assign(BO, "2022-06-14T08:00:00Z")
                .reply(BO, "2022-06-14T08:05:00Z").resolve("2022-06-14T08:30:00Z")
                .customerMessage("2022-06-14T10:00:00Z").reply(BO, "2022-06-14T10:30:00Z")
                .resolve("2022-06-14T11:00:00Z").expect("RESOLVED");
        june.open("F", "PHONE", "COMPLAINT", "2022-06-14T09:00:00Z").reply(CY, "2022-06-14T09:15:00Z")
                .awaitCustomer("2022-06-14T09:30:00Z").expect("PENDING");
        june.open("G", "EMAIL", "INQUIRY", "2022-06-14T13:00:00Z").assign(CY, "2022-06-14T13:00:00Z")
                .note(CY, "2022-06-14T13:10:00Z").expect("OPEN");
        june.open("H", "CHAT", "INQUIRY", "2022-06-14T17:30:00Z").assign(ANA, "2022-06-14T17:40:00Z")
                .reply(ANA, "2022-06-14T18:00:00Z").resolve("2022-06-19T10:00:00Z").expect("RESOLVED");
        // Thursday 16th
        june.open("I", "PHONE", "COMPLAINT", "2022-06-16T09:00:00Z").assign(BO, "2022-06-16T09:00:00Z")
                .reply(BO, "2022-06-16T09:30:00Z").resolve("2022-06-16T10:00:00Z").reopen("2022-06-16T11:00:00Z")
                .reply(BO, "2022-06-16T11:30:00Z").resolve("2022-06-16T12:00:00Z").expect("RESOLVED");
        june.open("J", "EMAIL", "INQUIRY", "2022-06-16T10:00:00Z").assign(ANA, "2022-06-16T10:00:00Z")
                .assign(CY, "2022-06-16T10:30:00Z").reply(CY, "2022-06-16T11:00:00Z")
                .resolve("2022-06-16T11:20:00Z").close("2022-06-16T12:00:00Z").expect("CLOSED");
        june.open("K", "CHAT", "COMPLAINT", "2022-06-16T14:00:00Z").reply(BO, "2022-06-16T14:10:00Z")
                .awaitCustomer("2022-06-16T14:20:00Z").customerMessage("2022-06-16T16:20:00Z")
                .resolve("2022-06-16T16:50:00Z").customerMessage("2022-06-19T09:00:00Z").expect("OPEN");
        june.open("L", "EMAIL", "COMPLAINT", "2022-06-16T20:00:00Z").assign(BO, "2022-06-16T20:05:00Z")
                .reply(BO, "2022-06-16T20:30:00Z").reply(BO, "2022-06-16T21:00:00Z").note(BO, "2022-06-16T21:05:00Z")
                .expect("OPEN");
        june.open("M", "PHONE", "INQUIRY", "2022-06-16T23:00:00Z").note(CY, "2022-06-16T23:10:00Z")
                .resolve("2022-06-16T23:30:00Z").expect("RESOLVED");
        // Just outside P on either side
        june.open("O", "CHAT", "INQUIRY", "2022-06-12T23:59:59Z").expect("OPEN");
        june.open("N", "PHONE", "INQUIRY", "2022-06-18T00:00:00Z").expect("OPEN");

        june.awaitViews();
    }
}
