package com.caseledger.platform.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/** Recomputes one stream's chain from the event store's rows, read in sequence order. */
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
}
