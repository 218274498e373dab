package com.caseledger.query.casefold;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundStatus;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import com.caseledger.platform.database.StorableText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a {@link CaseTimeline} is stored: its fields one after the other in a compact binary form, in the order they
 * are declared. Every projection batch writes each case it changed, so the fold's format is most of what storing it
 * costs; written this way it is a fifth of its JSON and needs neither JSON's escaping nor PostgreSQL's parsing. Text
 * is stored as PostgreSQL stores text ({@link StorableText}), enums by name, instants to the nanosecond.
 * Revision 1 was JSON ({@link TimelineJson}), which is still read; so are revision 2, which ends before the SLA policy
 * and the reply waits (a case folded then and not changed since took no policy), and revision 3, which ends before the
 * SLA outcomes (read as none on record).
 */
final class TimelineFormat {

    static final int REVISION = 4;
    /** Revision 2 ends with the surveys: it has no SLA policy and no reply waits. */
    static final int WITHOUT_SLA_REVISION = 2;
    /** Revision 3 ends with the reply wait: it has no SLA outcomes. */
    static final int WITHOUT_SLA_OUTCOMES_REVISION = 3;

    private TimelineFormat() {
    }

    static byte[] write(CaseTimeline timeline) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (Writer out = new Writer(bytes)) {
            out.text(timeline.caseId);
            out.writeLong(timeline.version);
            out.name(timeline.type);
            out.name(timeline.status);
            out.name(timeline.channel);
            out.name(timeline.category);
            out.name(timeline.priority);
            out.text(timeline.customerId);
            out.text(timeline.agentId);
            out.text(timeline.team);
            out.text(timeline.subject);
            out.text(timeline.description);
            out.text(timeline.orderId);
            out.money(timeline.orderAmount);
            out.instant(timeline.openedAt);
            out.instant(timeline.firstReplyAt);
            out.instant(timeline.firstResolvedAt);
            out.instant(timeline.lastResolvedAt);
            out.instant(timeline.closedAt);
            out.instant(timeline.lastActivityAt);
            out.writeInt(timeline.replies);
            out.writeInt(timeline.reopens);
            out.writeInt(timeline.customerMessages);
            out.writeInt(timeline.notes);
            out.writeInt(timeline.escalations);
            out.text(timeline.escalationLevel);
            out.instant(timeline.openSince);
            out.writeLong(timeline.openSeconds);
            out.optionalLong(timeline.requesterWaitSeconds);
            out.writeInt(timeline.statusChanges.size());
            for (StatusChange change : timeline.statusChanges) {
                out.instant(change.at());
                out.name(change.status());
            }
            out.writeInt(timeline.refunds.size());
            for (RefundView refund : timeline.refunds.values()) {
                out.refund(refund);
            }
            out.writeInt(timeline.followUps.size());
            for (FollowUpView call : timeline.followUps.values()) {
                out.followUp(call);
            }
            out.surveys(timeline.surveys);
            out.sla(timeline.sla);
            out.instant(timeline.replyWaitStartedAt);
            out.instant(timeline.replyWaitAnsweredAt);
            out.name(timeline.firstReplyOutcome);
            out.name(timeline.resolutionOutcome);
            out.writeInt(timeline.nextReplyOutcomes.size());
            for (Map.Entry<Instant, SlaOutcome> wait : timeline.nextReplyOutcomes.entrySet()) {
                out.instant(wait.getKey());
                out.name(wait.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A case timeline could not be written", e);
        }
        return bytes.toByteArray();
    }

    static CaseTimeline read(byte[] stored) {
        return read(stored, REVISION);
    }

    /** Whether folds of the revision are stored in this binary form (revision 1 was JSON). */
    static boolean reads(int revision) {
        return revision >= WITHOUT_SLA_REVISION && revision <= REVISION;
    }

    /** Reads a fold of revision 2, 3 or 4. */
    static CaseTimeline read(byte[] stored, int revision) {
        if (!reads(revision)) {
            throw new IllegalArgumentException("not a binary fold revision: " + revision);
        }
        CaseTimeline timeline = new CaseTimeline();
        try (Reader in = new Reader(stored)) {
            timeline.caseId = in.text();
            timeline.version = in.readLong();
            timeline.type = in.name(CaseType.class);
            timeline.status = in.name(CaseStatus.class);
            timeline.channel = in.name(Channel.class);
            timeline.category = in.name(Category.class);
            timeline.priority = in.name(Priority.class);
            timeline.customerId = in.text();
            timeline.agentId = in.text();
            timeline.team = in.text();
            timeline.subject = in.text();
            timeline.description = in.text();
            timeline.orderId = in.text();
            timeline.orderAmount = in.money();
            timeline.openedAt = in.instant();
            timeline.firstReplyAt = in.instant();
            timeline.firstResolvedAt = in.instant();
            timeline.lastResolvedAt = in.instant();
            timeline.closedAt = in.instant();
            timeline.lastActivityAt = in.instant();
            timeline.replies = in.readInt();
            timeline.reopens = in.readInt();
            timeline.customerMessages = in.readInt();
            timeline.notes = in.readInt();
            timeline.escalations = in.readInt();
            timeline.escalationLevel = in.text();
            timeline.openSince = in.instant();
            timeline.openSeconds = in.readLong();
            timeline.requesterWaitSeconds = in.optionalLong();
            for (int changes = in.readInt(); changes > 0; changes--) {
                timeline.statusChanges.add(new StatusChange(in.instant(), in.name(CaseStatus.class)));
            }
            for (int refunds = in.readInt(); refunds > 0; refunds--) {
                RefundView refund = in.refund();
                timeline.refunds.put(refund.refundId(), refund);
            }
            for (int calls = in.readInt(); calls > 0; calls--) {
                FollowUpView call = in.followUp();
                timeline.followUps.put(call.followUpId(), call);
            }
            timeline.surveys = in.surveys();
            if (revision >= WITHOUT_SLA_OUTCOMES_REVISION) {
                timeline.sla = in.sla();
                timeline.replyWaitStartedAt = in.instant();
                timeline.replyWaitAnsweredAt = in.instant();
            }
            if (revision >= REVISION) {
                timeline.firstReplyOutcome = in.name(SlaOutcome.class);
                timeline.resolutionOutcome = in.name(SlaOutcome.class);
                for (int waits = in.readInt(); waits > 0; waits--) {
                    timeline.nextReplyOutcomes.put(in.instant(), in.name(SlaOutcome.class));
                }
            }
            if (in.available() > 0) {
                throw new IllegalStateException("A stored case timeline has " + in.available() + " bytes this format "
                        + "does not know");
            }
        } catch (IOException e) {
            throw new IllegalStateException("A stored case timeline is unreadable", e);
        }
        return timeline;
    }

    private static final class Writer extends DataOutputStream {

        Writer(ByteArrayOutputStream bytes) {
            super(bytes);
        }

        void text(String text) throws IOException {
            if (text == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = StorableText.of(text).getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            write(utf8);
        }

        void name(Enum<?> value) throws IOException {
            text(value == null ? null : value.name());
        }

        void instant(Instant instant) throws IOException {
            writeBoolean(instant != null);
            if (instant != null) {
                writeLong(instant.getEpochSecond());
                writeInt(instant.getNano());
            }
        }

        void optionalLong(Long value) throws IOException {
            writeBoolean(value != null);
            if (value != null) {
                writeLong(value);
            }
        }

        void optionalInt(Integer value) throws IOException {
            writeBoolean(value != null);
            if (value != null) {
                writeInt(value);
            }
        }

        void optionalBoolean(Boolean value) throws IOException {
            writeByte(value == null ? -1 : value ? 1 : 0);
        }

        void money(Money money) throws IOException {
            writeBoolean(money != null);
            if (money != null) {
                text(money.amount().toPlainString());
                text(money.currency());
            }
        }

        void refund(RefundView refund) throws IOException {
            text(refund.refundId());
            name(refund.kind());
            money(refund.amount());
            text(refund.reason());
            name(refund.status());
            instant(refund.requestedAt());
            text(refund.approverId());
            optionalBoolean(refund.automaticApproval());
            instant(refund.decidedAt());
            text(refund.rejectionReason());
            text(refund.reference());
            instant(refund.issuedAt());
            text(refund.failureReason());
            instant(refund.failedAt());
        }

        void followUp(FollowUpView call) throws IOException {
            text(call.followUpId());
            name(call.status());
            instant(call.scheduledFor());
            text(call.purpose());
            writeBoolean(call.automatic());
            instant(call.scheduledAt());
            writeInt(call.reschedules());
            optionalInt(call.satisfaction());
            text(call.notes());
            instant(call.completedAt());
            text(call.missReason());
            instant(call.missedAt());
        }

        void surveys(SurveysView surveys) throws IOException {
            optionalInt(surveys.csat());
            instant(surveys.csatAnsweredAt());
            optionalInt(surveys.nps());
            instant(surveys.npsAnsweredAt());
            writeInt(surveys.servqual() == null ? -1 : surveys.servqual().size());
            if (surveys.servqual() != null) {
                for (Map.Entry<ServqualDimension, ServqualRating> rating : surveys.servqual().entrySet()) {
                    name(rating.getKey());
                    writeInt(rating.getValue().expectation());
                    writeInt(rating.getValue().perception());
                }
            }
            instant(surveys.servqualAnsweredAt());
            writeInt(surveys.answers());
        }

        void sla(AppliedSla sla) throws IOException {
            writeBoolean(sla != null);
            if (sla == null) {
                return;
            }
            text(sla.policyId());
            writeLong(sla.policyVersion());
            text(sla.calendarId());
            optionalLong(sla.calendarVersion());
            optionalLong(sla.targets().firstReplySeconds());
            optionalLong(sla.targets().nextReplySeconds());
            optionalLong(sla.targets().resolutionSeconds());
            calendar(sla.calendar());
        }

        void calendar(BusinessCalendar calendar) throws IOException {
            writeBoolean(calendar != null);
            if (calendar == null) {
                return;
            }
            text(calendar.zone().getId());
            writeInt(calendar.workingHours().size());
            for (Map.Entry<DayOfWeek, List<WorkingInterval>> day : calendar.workingHours().entrySet()) {
                name(day.getKey());
                writeInt(day.getValue().size());
                for (WorkingInterval interval : day.getValue()) {
                    text(interval.from().toString());
                    text(interval.to().toString());
                }
            }
            writeInt(calendar.holidays().size());
            for (LocalDate holiday : calendar.holidays()) {
                text(holiday.toString());
            }
        }
    }

    private static final class Reader extends DataInputStream {

        Reader(byte[] stored) {
            super(new ByteArrayInputStream(stored));
        }

        String text() throws IOException {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            byte[] utf8 = new byte[length];
            readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        <E extends Enum<E>> E name(Class<E> type) throws IOException {
            String name = text();
            return name == null ? null : Enum.valueOf(type, name);
        }

        Instant instant() throws IOException {
            return readBoolean() ? Instant.ofEpochSecond(readLong(), readInt()) : null;
        }

        Long optionalLong() throws IOException {
            return readBoolean() ? readLong() : null;
        }

        Integer optionalInt() throws IOException {
            return readBoolean() ? readInt() : null;
        }

        Boolean optionalBoolean() throws IOException {
            byte value = readByte();
            return value < 0 ? null : value == 1;
        }

        Money money() throws IOException {
            return readBoolean() ? new Money(new BigDecimal(text()), text()) : null;
        }

        RefundView refund() throws IOException {
            return new RefundView(text(), name(RefundKind.class), money(), text(), name(RefundStatus.class), instant(),
                    text(), optionalBoolean(), instant(), text(), text(), instant(), text(), instant());
        }

        FollowUpView followUp() throws IOException {
            return new FollowUpView(text(), name(FollowUpStatus.class), instant(), text(), readBoolean(), instant(),
                    readInt(), optionalInt(), text(), instant(), text(), instant());
        }

        SurveysView surveys() throws IOException {
            Integer csat = optionalInt();
            Instant csatAnsweredAt = instant();
            Integer nps = optionalInt();
            Instant npsAnsweredAt = instant();
            Map<ServqualDimension, ServqualRating> servqual = null;
            int ratings = readInt();
            if (ratings >= 0) {
                servqual = new EnumMap<>(ServqualDimension.class);
                for (int rating = 0; rating < ratings; rating++) {
                    servqual.put(name(ServqualDimension.class), new ServqualRating(readInt(), readInt()));
                }
                servqual = Map.copyOf(servqual);
            }
            return new SurveysView(csat, csatAnsweredAt, nps, npsAnsweredAt, servqual, instant(), readInt());
        }

        AppliedSla sla() throws IOException {
            if (!readBoolean()) {
                return null;
            }
            return new AppliedSla(text(), readLong(), text(), optionalLong(),
                    new SlaTargets(optionalLong(), optionalLong(), optionalLong()), calendar());
        }

        BusinessCalendar calendar() throws IOException {
            if (!readBoolean()) {
                return null;
            }
            ZoneId zone = ZoneId.of(text());
            Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
            for (int days = readInt(); days > 0; days--) {
                DayOfWeek day = name(DayOfWeek.class);
                List<WorkingInterval> intervals = new ArrayList<>();
                for (int count = readInt(); count > 0; count--) {
                    intervals.add(new WorkingInterval(LocalTime.parse(text()), LocalTime.parse(text())));
                }
                hours.put(day, intervals);
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (int count = readInt(); count > 0; count--) {
                holidays.add(LocalDate.parse(text()));
            }
            return new BusinessCalendar(zone, hours, holidays);
        }
    }
}
