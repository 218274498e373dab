package com.caseledger.benchmark;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.SurveyAnswered;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the case lifecycles a shop's service desk sees: inquiries and complaints over every channel,
 * replies, waits for the customer, reopens, refunds, follow-up calls, surveys and closures. Each case comes
 * from its own seeded random source, so case {@code i} of a seed is the same however many are generated.
 * The events obey the case rules, so the command side can load and continue every generated case.
 */
public final class CaseStoryGenerator {

    private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.CHAT, Channel.PHONE, Channel.WEB, Channel.SOCIAL,
            Channel.SMS, Channel.FORUM};
    private static final int[] CHANNEL_WEIGHTS = {35, 25, 15, 12, 6, 4, 3};
    private static final String[] TEAMS = {"front-line", "after-sales", "logistics", "payments"};
    private static final BigDecimal AUTO_APPROVAL_LIMIT = new BigDecimal("200.00");
    private static final Duration FOLLOW_UP_DELAY = Duration.ofDays(2);

    private final long seed;
    private final Instant start;
    private final double sliceSeconds;
    private final int agents;
    private final int customers;

    /**
     * {@code cases} cases opened one after another over {@code span} from {@code start}, as a shop receives them
     * (case {@code i} opens at a random instant of the i-th of {@code cases} equal slices), worked by {@code agents}
     * agents.
     */
    public CaseStoryGenerator(long seed, Instant start, Duration span, long cases, int agents, int customers) {
        this.seed = seed;
        this.start = start;
        this.sliceSeconds = span.getSeconds() / (double) cases;
        this.agents = agents;
        this.customers = customers;
    }

    public CaseStory story(long index) {
        Random random = new Random(seed * 1_000_003L + index);
        String caseId = new UUID(random.nextLong(), random.nextLong()).toString();
        Story story = new Story(caseId, start.plusSeconds((long) ((index + random.nextDouble()) * sliceSeconds)), random);
        CaseType type = random.nextDouble() < 0.3 ? CaseType.COMPLAINT : CaseType.INQUIRY;
        boolean withOrder = random.nextDouble() < 0.7;
        Money orderAmount = withOrder ? new Money(BigDecimal.valueOf(2_000 + random.nextInt(198_000), 2), "CNY") : null;
        story.add(new CaseOpened(caseId, type, pick(random), Category.values()[random.nextInt(Category.values().length)],
                random.nextDouble() < 0.6 ? Priority.NORMAL : Priority.values()[random.nextInt(Priority.values().length)],
                "customer-" + random.nextInt(customers), "Case " + index, "Generated case " + index,
                withOrder ? "order-" + seed + "-" + index : null, orderAmount, story.at));
        String agent = "agent-" + random.nextInt(agents);
        if (random.nextDouble() < 0.9) {
            story.after(Duration.ofMinutes(random.nextInt(30)));
            story.add(new CaseAssigned(caseId, agent, TEAMS[random.nextInt(TEAMS.length)], story.at));
        }
        if (random.nextDouble() < 0.2) {
            story.after(Duration.ofMinutes(1 + random.nextInt(60)));
            story.add(new InternalNoteAdded(caseId, agent, "Checked the order", story.at));
        }
        boolean replied = random.nextDouble() < 0.88;
        if (replied) {
            story.after(logUniform(random, Duration.ofMinutes(5), Duration.ofHours(8)));
            story.add(new AgentReplied(caseId, agent, "Thank you for contacting us", story.at));
            if (random.nextDouble() < 0.25) {
                story.after(Duration.ofMinutes(1));
                story.add(new CaseAwaitingCustomer(caseId, "asked for details", story.at));
                story.after(logUniform(random, Duration.ofHours(1), Duration.ofHours(48)));
                story.add(new CustomerMessageReceived(caseId, "Here are the details", null, story.at));
                story.add(new CaseResumed(caseId, story.at));
                if (random.nextDouble() < 0.8) {
                    story.after(logUniform(random, Duration.ofMinutes(5), Duration.ofHours(4)));
                    story.add(new AgentReplied(caseId, agent, "Thanks, we are on it", story.at));
                }
            }
        }
        String refundId = null;
        if (type == CaseType.COMPLAINT && withOrder && random.nextDouble() < 0.4) {
            refundId = "refund-1";
            Money amount = new Money(orderAmount.amount().multiply(BigDecimal.valueOf(20 + random.nextInt(81)))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01")), "CNY");
            story.after(Duration.ofMinutes(10));
            story.add(new RefundRequested(caseId, refundId, random.nextBoolean() ? RefundKind.REFUND_ONLY
                    : RefundKind.RETURN_AND_REFUND, amount, "damaged", "order-" + seed + "-" + index, story.at));
            if (amount.amount().compareTo(AUTO_APPROVAL_LIMIT) <= 0) {
                story.add(new RefundApproved(caseId, refundId, "system", true, story.at));
            } else {
                story.after(logUniform(random, Duration.ofMinutes(30), Duration.ofHours(24)));
                story.add(new RefundApproved(caseId, refundId, "supervisor-" + random.nextInt(5), false, story.at));
            }
            story.after(logUniform(random, Duration.ofMinutes(10), Duration.ofHours(12)));
            story.add(random.nextDouble() < 0.9
                    ? new RefundIssued(caseId, refundId, "PAY-" + index, story.at)
                    : new RefundFailed(caseId, refundId, "card expired", story.at));
        }
        if (random.nextDouble() < (replied ? 0.85 : 0.1)) {
            resolve(story, type, random, 1);
            if (random.nextDouble() < 0.1) {
                story.after(logUniform(random, Duration.ofHours(1), Duration.ofDays(3)));
                story.add(new CustomerMessageReceived(caseId, "Still not working", null, story.at));
                story.add(new CaseReopened(caseId, "customer message", true, story.at));
                story.after(logUniform(random, Duration.ofMinutes(10), Duration.ofHours(6)));
                story.add(new AgentReplied(caseId, agent, "Sorry, trying again", story.at));
                resolve(story, type, random, 2);
            }
            if (random.nextDouble() < 0.3) {
                story.after(logUniform(random, Duration.ofHours(1), Duration.ofDays(2)));
                story.add(survey(caseId, random, story.at));
            }
            if (random.nextDouble() < 0.6) {
                story.after(Duration.ofDays(3 + random.nextInt(5)));
                story.add(new CaseClosed(caseId, story.at));
            }
        }
        return new CaseStory(caseId, story.events);
    }

    private void resolve(Story story, CaseType type, Random random, int round) {
        story.after(logUniform(random, Duration.ofMinutes(10), Duration.ofHours(36)));
        story.add(new CaseResolved(story.caseId, "SOLVED", null, story.at));
        if (type == CaseType.COMPLAINT && round == 1) {
            Instant due = story.at.plus(FOLLOW_UP_DELAY);
            story.add(new FollowUpScheduled(story.caseId, "after-resolution-1", due, "after complaint resolution", true,
                    story.at));
            double outcome = random.nextDouble();
            if (outcome < 0.9) {
                story.at = due.isAfter(story.at) ? due : story.at;
                story.add(outcome < 0.7
                        ? new FollowUpCompleted(story.caseId, "after-resolution-1", 1 + random.nextInt(5), "called", story.at)
                        : new FollowUpMissed(story.caseId, "after-resolution-1", "no answer", story.at));
            }
        }
    }

    private static SurveyAnswered survey(String caseId, Random random, Instant at) {
        Map<ServqualDimension, ServqualRating> servqual = null;
        if (random.nextDouble() < 0.3) {
            servqual = new EnumMap<>(ServqualDimension.class);
            for (ServqualDimension dimension : ServqualDimension.values()) {
                if (random.nextDouble() < 0.8) {
                    servqual.put(dimension, new ServqualRating(3 + random.nextInt(5), 1 + random.nextInt(7)));
                }
            }
        }
        return new SurveyAnswered(caseId, 1 + random.nextInt(5), random.nextInt(11), servqual, at);
    }

    private static Channel pick(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < CHANNELS.length; i++) {
            roll -= CHANNEL_WEIGHTS[i];
            if (roll < 0) {
                return CHANNELS[i];
            }
        }
        return Channel.EMAIL;
    }

    private static Duration logUniform(Random random, Duration min, Duration max) {
        double low = Math.log(min.getSeconds());
        double high = Math.log(max.getSeconds());
        return Duration.ofSeconds((long) Math.exp(low + random.nextDouble() * (high - low)));
    }

    /** A case being written, with its clock. */
    private static final class Story {
        private final String caseId;
        private final List<CaseEvent> events = new ArrayList<>();
        private Instant at;

        private Story(String caseId, Instant openedAt, Random random) {
            this.caseId = caseId;
            this.at = openedAt;
        }

        private void after(Duration duration) {
            at = at.plus(duration);
        }

        private void add(CaseEvent event) {
            events.add(event);
        }
    }
}
