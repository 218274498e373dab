package com.caseledger.platform.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The chain of one stream (a case) recomputed from what is stored, event by event in sequence order. The hash is the
 * one the store's trigger computes (migration V4): SHA-256 over each stored column but the global index, each as its
 * length (4 bytes, big-endian; -1 for none) and its bytes (text as UTF-8), the sequence as 8 bytes, and last the
 * previous event's stored hash. A break is kept once, the first; the events after it are still counted.
 */
public final class EventChain {

    private static final HexFormat HEX = HexFormat.of();

    private final String streamId;
    private StoredEvent previous;
    private long events;
    private BrokenLink firstBrokenLink;

    public EventChain(String streamId) {
        this.streamId = streamId;
    }

    /** Takes the stream's next stored event. */
    public void check(StoredEvent event) {
        long expectedSequence = previous == null ? 0 : previous.sequence() + 1;
        byte[] expected = hash(event, previous == null ? null : previous.chainHash());
        previous = event;
        events++;
        if (firstBrokenLink != null) {
            return;
        }
        String reason = event.sequence() != expectedSequence ? BrokenLink.SEQUENCE_GAP
                : event.chainHash() == null ? BrokenLink.MISSING_HASH
                : !Arrays.equals(expected, event.chainHash()) ? BrokenLink.HASH_MISMATCH
                : null;
        if (reason != null) {
            firstBrokenLink = new BrokenLink(event.sequence(), event.eventId(), reason, HEX.formatHex(expected),
                    event.chainHash() == null ? null : HEX.formatHex(event.chainHash()));
        }
    }

    public ChainVerification result() {
        long validUpTo = firstBrokenLink != null ? firstBrokenLink.sequence() - 1
                : previous == null ? -1 : previous.sequence();
        return new ChainVerification(streamId, events, validUpTo, firstBrokenLink);
    }

    /** The hash of a stored event chained to the hash of its predecessor (null for a stream's first event). */
    public static byte[] hash(StoredEvent event, byte[] previousHash) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256 + event.payload().length);
        field(encoded, text(event.streamId()));
        encoded.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(event.sequence()).array());
        field(encoded, text(event.aggregateType()));
        field(encoded, text(event.eventId()));
        field(encoded, text(event.payloadType()));
        field(encoded, text(event.payloadRevision()));
        field(encoded, event.payload());
        field(encoded, event.metaData());
        field(encoded, text(event.timeStamp()));
        field(encoded, previousHash);
        return sha256().digest(encoded.toByteArray());
    }

    private static void field(ByteArrayOutputStream encoded, byte[] value) {
        encoded.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            encoded.writeBytes(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
