package com.caseledger.query.feed;

import com.caseledger.platform.web.InvalidInputException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a reader of the export feed stands: the highest position it has seen in the store's global order and the
 * positions below it that were still empty then (a transaction that took them may yet commit, or rolled back). The
 * next page looks at those again, so an event that commits late is still delivered, once.
 */
final class FeedCursor {

    private static final String PREFIX = "c1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private FeedCursor() {
    }

    static String write(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken position)) {
            throw new IllegalStateException("The event store's positions are not gap-aware: " + token);
        }
        String text = position.getIndex() + (position.getGaps().isEmpty() ? "" : ":"
                + position.getGaps().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return PREFIX + ENCODER.encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; null (the very beginning) for none. */
    static TrackingToken read(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (!cursor.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown format");
            }
            String text = new String(DECODER.decode(cursor.substring(PREFIX.length())), StandardCharsets.US_ASCII);
            String[] parts = text.split(":", 2);
            long index = Long.parseLong(parts[0]);
            List<Long> gaps = new ArrayList<>();
            if (parts.length == 2) {
                for (String gap : parts[1].split(",")) {
                    long position = Long.parseLong(gap);
                    if (position < 0 || position >= index) {
                        throw new IllegalArgumentException("a gap outside the position");
                    }
                    gaps.add(position);
                }
            }
            if (index < -1) {
                throw new IllegalArgumentException("a negative position");
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", "is not a cursor this feed gave out; pass a nextCursor or an event's "
                    + "cursor as it was received, or leave it out to start at the beginning");
        }
    }
}
