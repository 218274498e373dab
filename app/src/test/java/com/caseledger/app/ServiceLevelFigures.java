package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.util.List;

import static com.caseledger.app.ReportExpectations.rate;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The service-level figures a cohort must show, as counts worked out by hand; rates are the quotients DOMAIN.md
 * names. A figure not given is zero: {@code opened(0)} is an empty group.
 */
final class ServiceLevelFigures {

    private final long opened;
    private long resolved;
    private long oneTouch;
    private long reopened;
    private long resolvedEver;
    private long complaints;
    private long backlog;
    private Durations firstReply = Durations.NONE;
    private Durations firstResolution = Durations.NONE;
    private Durations fullResolution = Durations.NONE;
    private Durations requesterWait = Durations.NONE;

    private ServiceLevelFigures(long opened) {
        this.opened = opened;
    }

    /** A cohort of {@code cases} opened cases. */
    static ServiceLevelFigures opened(long cases) {
        return new ServiceLevelFigures(cases);
    }

    ServiceLevelFigures resolved(long cases) {
        resolved = cases;
        return this;
    }

    ServiceLevelFigures oneTouch(long cases) {
        oneTouch = cases;
        return this;
    }

    /** Cases reopened at least once, of the cases resolved at least once. */
    ServiceLevelFigures reopened(long cases, long ofResolvedEver) {
        reopened = cases;
        resolvedEver = ofResolvedEver;
        return this;
    }

    ServiceLevelFigures complaints(long cases) {
        complaints = cases;
        return this;
    }

    ServiceLevelFigures backlog(long cases) {
        backlog = cases;
        return this;
    }

    ServiceLevelFigures firstReply(long count, long sum, long median, long p90) {
        firstReply = new Durations(count, sum, median, p90);
        return this;
    }

    ServiceLevelFigures firstResolution(long count, long sum, long median, long p90) {
        firstResolution = new Durations(count, sum, median, p90);
        return this;
    }

    ServiceLevelFigures fullResolution(long count, long sum, long median, long p90) {
        fullResolution = new Durations(count, sum, median, p90);
        return this;
    }

    ServiceLevelFigures requesterWait(long count, long sum, long median, long p90) {
        requesterWait = new Durations(count, sum, median, p90);
        return this;
    }

    void check(String label, JsonNode metrics) {
        SoftAssertions softly = new SoftAssertions();
        check(softly, label, metrics);
        softly.assertAll();
    }

    void check(SoftAssertions softly, String label, JsonNode metrics) {
        softly.assertThat(metrics.path("casesOpened").asLong()).as(label + " casesOpened").isEqualTo(opened);
        softly.assertThat(metrics.path("casesResolved").asLong()).as(label + " casesResolved").isEqualTo(resolved);
        rate(softly, label + " resolutionRate", metrics.get("resolutionRate"), resolved, opened);
        rate(softly, label + " oneTouchRate", metrics.get("oneTouchRate"), oneTouch, resolved);
        rate(softly, label + " reopenRate", metrics.get("reopenRate"), reopened, resolvedEver);
        rate(softly, label + " complaintRate", metrics.get("complaintRate"), complaints, opened);
        softly.assertThat(metrics.path("backlog").asLong()).as(label + " backlog").isEqualTo(backlog);
        firstReply.check(softly, label + " firstReply", metrics.get("firstReply"));
        firstResolution.check(softly, label + " firstResolution", metrics.get("firstResolution"));
        fullResolution.check(softly, label + " fullResolution", metrics.get("fullResolution"));
        requesterWait.check(softly, label + " requesterWait", metrics.get("requesterWait"));
    }

    /** Whether {@code metrics} shows these figures (for polling a projection that is still catching up). */
    boolean shownBy(JsonNode metrics) {
        SoftAssertions softly = new SoftAssertions();
        check(softly, "total", metrics);
        return softly.wasSuccess();
    }

    /** A duration metric's hand-worked figures; the mean is given as sum / count. */
    private record Durations(long count, long sum, long median, long p90) {

        static final Durations NONE = new Durations(0, 0, 0, 0);

        /**
         * DOMAIN.md leaves the mean's rounding to whole seconds open, so it may be off the exact quotient by less
         * than a second; percentiles may approximate nearest-rank within 1%.
         */
        void check(SoftAssertions softly, String label, JsonNode actual) {
            softly.assertThat(actual).as(label).isNotNull();
            if (actual == null) {
                return;
            }
            softly.assertThat(actual.path("count").asLong()).as(label + " count").isEqualTo(count);
            if (count == 0) {
                for (String figure : List.of("meanSeconds", "medianSeconds", "p90Seconds")) {
                    softly.assertThat(actual.get(figure) == null || actual.get(figure).isNull())
                            .as(label + " " + figure + " is null: " + actual.get(figure)).isTrue();
                }
                return;
            }
            softly.assertThat(actual.path("meanSeconds").asDouble()).as(label + " meanSeconds")
                    .isCloseTo((double) sum / count, within(0.999));
            softly.assertThat(actual.path("medianSeconds").asDouble()).as(label + " medianSeconds")
                    .isCloseTo(median, withinPercentage(1));
            softly.assertThat(actual.path("p90Seconds").asDouble()).as(label + " p90Seconds")
                    .isCloseTo(p90, withinPercentage(1));
        }
    }
}
