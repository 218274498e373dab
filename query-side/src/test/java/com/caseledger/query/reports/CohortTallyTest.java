package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CohortTallyTest {

    @Test
    void durationsFollowTheNearestRankDefinition() {
        // 10 first-reply times: median = 5th smallest (ceil(0.5 x 10)), p90 = 9th smallest (ceil(0.9 x 10))
        CohortTally tally = new CohortTally();
        for (long seconds : new long[]{900, 100, 800, 200, 700, 300, 600, 400, 500, 1000}) {
            tally.add(facts(seconds), false);
        }
        DurationSummary firstReply = tally.figures().firstReply();
        assertThat(firstReply.count()).isEqualTo(10);
        assertThat(firstReply.meanSeconds()).isEqualTo(550);
        assertThat(firstReply.medianSeconds()).isEqualTo(500);
        assertThat(firstReply.p90Seconds()).isEqualTo(900);
    }

    @Test
    void theMeanIsRoundedHalfUpAndASingleValueIsEveryPercentile() {
        CohortTally tally = new CohortTally();
        tally.add(facts(1), false);
        tally.add(facts(2), false);
        assertThat(tally.figures().firstReply().meanSeconds()).isEqualTo(2);
        CohortTally single = new CohortTally();
        single.add(facts(42), false);
        assertThat(single.figures().firstReply().medianSeconds()).isEqualTo(42);
        assertThat(single.figures().firstReply().p90Seconds()).isEqualTo(42);
    }

    @Test
    void percentilesMatchTheSortedValuesForManyValuesWithRepeats() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(3000);
            long[] values = new long[count];
            CohortTally tally = new CohortTally();
            for (int i = 0; i < count; i++) {
                values[i] = random.nextInt(round % 2 == 0 ? 50 : 1_000_000);
                tally.add(facts(values[i]), false);
            }
            Arrays.sort(values);
            DurationSummary summary = tally.figures().firstReply();
            assertThat(summary.medianSeconds()).isEqualTo(values[(int) Math.ceil(count * 0.5) - 1]);
            assertThat(summary.p90Seconds()).isEqualTo(values[(int) Math.ceil(count * 0.9) - 1]);
        }
    }

    private static CaseFacts facts(long firstReplySeconds) {
        return new CaseFacts("case", 0, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL, null,
                CaseStatus.OPEN, CaseFacts.NEVER_RESOLVED, 1, 0, false, firstReplySeconds, CaseFacts.NONE, CaseFacts.NONE, CaseFacts.NONE,
                false, 0, 0, CaseFacts.NONE, CaseFacts.NONE, null, List.of());
    }
}
