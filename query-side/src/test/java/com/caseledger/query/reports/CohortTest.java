package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.query.casefold.SlaOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CohortTest {

    private static final Instant END = Instant.parse("2026-03-01T00:00:00Z");
    private static final ReportFilter EVERY_CASE = new ReportFilter(null, null, null, null, null);

    @Test
    void durationsFollowTheNearestRankDefinition() {
        // 10 first-reply times: median = 5th smallest (ceil(0.5 x 10)), p90 = 9th smallest (ceil(0.9 x 10))
        DurationSummary firstReply = total(cases(900, 100, 800, 200, 700, 300, 600, 400, 500, 1000)).firstReply();

        assertThat(firstReply.count()).isEqualTo(10);
        assertThat(firstReply.meanSeconds()).isEqualTo(550);
        assertThat(firstReply.medianSeconds()).isEqualTo(500);
        assertThat(firstReply.p90Seconds()).isEqualTo(900);
    }

    @Test
    void theMeanIsRoundedHalfUpAndASingleValueIsEveryPercentile() {
        assertThat(total(cases(1, 2)).firstReply().meanSeconds()).isEqualTo(2);
        DurationSummary single = total(cases(42)).firstReply();
        assertThat(single.medianSeconds()).isEqualTo(42);
        assertThat(single.p90Seconds()).isEqualTo(42);
    }

    @Test
    void percentilesMatchTheSortedValuesForManyValuesWithRepeats() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            long[] values = new long[1 + random.nextInt(3000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(round % 2 == 0 ? 50 : 1_000_000);
            }
            DurationSummary summary = total(cases(values)).firstReply();
            Arrays.sort(values);
            assertThat(summary.medianSeconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.5) - 1]);
            assertThat(summary.p90Seconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.9) - 1]);
        }
    }

    @Test
    void percentilesAreExactForValuesOfAnySign() {
        Random random = new Random(13);
        for (int round = 0; round < 100; round++) {
            long[] values = new long[1 + random.nextInt(5000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (round % 4) {
                    case 0 -> random.nextLong();
                    case 1 -> random.nextInt(3) - 1;
                    case 2 -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(5) : Long.MIN_VALUE + 1 + random.nextInt(5);
                    default -> (long) random.nextInt(2000) * random.nextInt(2000);
                };
            }
            DurationSummary summary = NearestRank.summary(values, 0, values.length, 0);
            Arrays.sort(values);
            assertThat(summary.medianSeconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.5) - 1]);
            assertThat(summary.p90Seconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.9) - 1]);
        }
    }

    @Test
    void eachGroupsPercentilesAreThoseOfItsOwnCasesAndTheTotalOnesOfAllCases() {
        Random random = new Random(11);
        List<CaseFacts> cases = new ArrayList<>();
        List<List<Long>> byChannel = new ArrayList<>();
        Channel[] channels = Channel.values();
        for (Channel ignored : channels) {
            byChannel.add(new ArrayList<>());
        }
        for (int i = 0; i < 2000; i++) {
            Channel channel = channels[random.nextInt(channels.length)];
            long seconds = random.nextInt(100_000);
            cases.add(facts(i, channel, seconds, CaseFacts.NEVER_RESOLVED));
            byChannel.get(channel.ordinal()).add(seconds);
        }

        Cohort.Figures figures = new Cohort(END, ReportTime.CALENDAR, EVERY_CASE, GroupBy.CHANNEL, List.of()).addUp(opened(cases), Runnable::run);

        for (Channel channel : channels) {
            long[] values = byChannel.get(channel.ordinal()).stream().mapToLong(Long::longValue).sorted().toArray();
            DurationSummary summary = figures.groups().get(channel.name()).firstReply();
            assertThat(summary.count()).isEqualTo(values.length);
            assertThat(summary.medianSeconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.5) - 1]);
            assertThat(summary.p90Seconds()).isEqualTo(values[(int) Math.ceil(values.length * 0.9) - 1]);
        }
        long[] all = cases.stream().mapToLong(CaseFacts::firstReplySeconds).sorted().toArray();
        assertThat(figures.total().firstReply().medianSeconds()).isEqualTo(all[999]);
        assertThat(figures.total().firstReply().p90Seconds()).isEqualTo(all[1799]);
    }

    @Test
    void theBacklogTakesEachCasesStatusJustBeforeTheEnd() {
        long end = CaseFacts.micros(END);
        List<CaseFacts> cases = List.of(
                facts(0, Channel.EMAIL, 60, CaseFacts.NEVER_RESOLVED),      // never resolved: in the backlog
                facts(1, Channel.EMAIL, 60, new long[]{end - 1}),           // resolved before the end
                facts(2, Channel.EMAIL, 60, new long[]{end}),               // resolved at the end: not before it
                facts(3, Channel.EMAIL, 60, new long[]{end - 2, end - 1}),  // resolved, then reopened before the end
                facts(4, Channel.EMAIL, 60, new long[]{end - 2, end + 5})); // reopened only after the end

        assertThat(new Cohort(END, ReportTime.CALENDAR, EVERY_CASE, null, List.of()).addUp(opened(cases), Runnable::run).total().backlog())
                .isEqualTo(3);
    }

    @Test
    void slaComplianceIsTargetsMetOverTargetsDecidedPerKindPerGroupAndInTotal() {
        List<CaseFacts> cases = List.of(
                outcomes(0, Channel.EMAIL, SlaOutcome.MET, SlaOutcome.BREACHED, 2, 1),
                outcomes(1, Channel.EMAIL, SlaOutcome.BREACHED, null, 0, 0),
                outcomes(2, Channel.EMAIL, null, null, 0, 0),               // no policy: decides nothing
                outcomes(3, Channel.CHAT, SlaOutcome.MET, SlaOutcome.MET, 0, 1));

        Cohort.Figures figures = new Cohort(END, ReportTime.CALENDAR, EVERY_CASE, GroupBy.CHANNEL, List.of())
                .addUp(opened(cases), Runnable::run);

        // EMAIL: first reply 1 met of 2; next reply 2 of 3 waits; resolution 0 of 1
        SlaCompliance email = SlaCompliance.of(figures.groups().get("EMAIL"));
        assertThat(email.firstReply()).isEqualTo(0.5);
        assertThat(email.nextReply()).isEqualTo(2.0 / 3);
        assertThat(email.resolution()).isEqualTo(0.0);
        // CHAT: no next reply wait met, one breached
        SlaCompliance chat = SlaCompliance.of(figures.groups().get("CHAT"));
        assertThat(chat.nextReply()).isEqualTo(0.0);
        // total: first reply 2 of 3, next reply 2 of 4, resolution 1 of 2
        SlaCompliance total = SlaCompliance.of(figures.total());
        assertThat(total.firstReply()).isEqualTo(2.0 / 3);
        assertThat(total.nextReply()).isEqualTo(0.5);
        assertThat(total.resolution()).isEqualTo(0.5);
    }

    @Test
    void slaComplianceOfAKindWithoutADecidedTargetIsNull() {
        SlaCompliance none = SlaCompliance.of(total(List.of(outcomes(0, Channel.EMAIL, SlaOutcome.MET, null, 0, 0))));

        assertThat(none.firstReply()).isEqualTo(1.0);
        assertThat(none.nextReply()).isNull();
        assertThat(none.resolution()).isNull();
        assertThat(SlaCompliance.of(CohortFigures.EMPTY)).isEqualTo(new SlaCompliance(null, null, null));
    }

    @Test
    void businessTimeSummarizesTheWorkingTimeFiguresOfTheCases() {
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // calendar 1000, 2000, 3000, 4000; business 100, 200, 300, 400 (none for the first resolution of case 0)
            long business = 100L * (i + 1);
            cases.add(new CaseFacts("case-" + i, i, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL,
                    null, CaseStatus.OPEN, CaseFacts.NEVER_RESOLVED, 1, 0, false, 10 * business, 10 * business,
                    10 * business, 10 * business, false, 0, 0, CaseFacts.NONE, CaseFacts.NONE, null, List.of(), business,
                    i == 0 ? CaseFacts.NONE : business, business, business, null, null, 0, 0));
        }

        CohortFigures calendar = new Cohort(END, ReportTime.CALENDAR, EVERY_CASE, null, List.of())
                .addUp(opened(cases), Runnable::run).total();
        CohortFigures business = new Cohort(END, ReportTime.BUSINESS, EVERY_CASE, null, List.of())
                .addUp(opened(cases), Runnable::run).total();

        assertThat(calendar.firstReply()).isEqualTo(new DurationSummary(4, 2500L, 2000L, 4000L));
        assertThat(business.firstReply()).isEqualTo(new DurationSummary(4, 250L, 200L, 400L));
        assertThat(business.firstResolution()).isEqualTo(new DurationSummary(3, 300L, 300L, 400L));
        assertThat(business.fullResolution().meanSeconds()).isEqualTo(250);
        assertThat(business.requesterWait().p90Seconds()).isEqualTo(400);
    }

    private static CaseFacts outcomes(int number, Channel channel, SlaOutcome firstReply, SlaOutcome resolution,
                                      int nextRepliesMet, int nextRepliesBreached) {
        return new CaseFacts("case-" + number, number, CaseType.INQUIRY, channel, Category.OTHER, Priority.NORMAL, null,
                CaseStatus.OPEN, CaseFacts.NEVER_RESOLVED, 1, 0, false, 60, CaseFacts.NONE, CaseFacts.NONE,
                CaseFacts.NONE, false, 0, 0, CaseFacts.NONE, CaseFacts.NONE, null, List.of(), 60,
                CaseFacts.NONE, CaseFacts.NONE, CaseFacts.NONE, firstReply, resolution, nextRepliesMet, nextRepliesBreached);
    }

    private static CohortFigures total(List<CaseFacts> cases) {
        return new Cohort(END, ReportTime.CALENDAR, EVERY_CASE, null, List.of()).addUp(opened(cases), Runnable::run).total();
    }

    private static OpenedCases opened(List<CaseFacts> cases) {
        CaseFactColumns columns = new CaseFactColumns();
        int[] byOpening = new int[cases.size()];
        for (int place = 0; place < cases.size(); place++) {
            columns.put(place, cases.get(place));
            byOpening[place] = place;
        }
        return new OpenedCases(columns, byOpening, 0, cases.size());
    }

    private static List<CaseFacts> cases(long... firstReplySeconds) {
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < firstReplySeconds.length; i++) {
            cases.add(facts(i, Channel.EMAIL, firstReplySeconds[i], CaseFacts.NEVER_RESOLVED));
        }
        return cases;
    }

    private static CaseFacts facts(int number, Channel channel, long firstReplySeconds, long[] resolutionChanges) {
        return new CaseFacts("case-" + number, number, CaseType.INQUIRY, channel, Category.OTHER, Priority.NORMAL, null,
                CaseStatus.OPEN, resolutionChanges, 1, 0, false, firstReplySeconds, CaseFacts.NONE, CaseFacts.NONE,
                CaseFacts.NONE, false, 0, 0, CaseFacts.NONE, CaseFacts.NONE, null, List.of(), firstReplySeconds,
                CaseFacts.NONE, CaseFacts.NONE, CaseFacts.NONE, null, null, 0, 0);
    }
}
