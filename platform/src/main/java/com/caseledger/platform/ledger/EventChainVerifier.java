package com.caseledger.platform.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/** Recomputes one stream's chain from the event store's rows, read in sequence order, and lists its rewrites. */
@Component
public class EventChainVerifier {

    private final JdbcTemplate jdbc;

    public EventChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stream's chain as recomputed; empty when nothing is recorded under the id. */
    public Optional<ChainVerification> verify(String streamId) {
        EventChain chain = new EventChain(streamId);
        jdbc.query("select " + StoredEvent.COLUMNS + " from " + SCHEMA + ".domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number",
                (RowCallbackHandler) row -> chain.check(StoredEvent.read(row)), streamId);
        ChainVerification verification = chain.result();
        return verification.events() == 0 ? Optional.empty() : Optional.of(verification);
    }

    /** The stream's payloads that the store rewrote in place (sealing text recorded in clear), oldest first. */
    public List<PayloadRewrite> rewrites(String streamId) {
        return jdbc.query("select sequence_number, rewritten_at, rewritten_by, hash_before, hash_after from " + SCHEMA
                        + ".payload_rewrite where aggregate_identifier = ? order by rewritten_at, sequence_number",
                (row, index) -> new PayloadRewrite(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        hex(row.getBytes(4)), hex(row.getBytes(5))), streamId);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
