package com.caseledger.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The stored first answers, by user and key (table {@code command_side.idempotency_key}). */
@Repository
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;
    private final IdempotencySettings settings;
    private final Clock clock;

    public IdempotencyKeys(JdbcTemplate jdbc, IdempotencySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Takes the key for a command about to run, in the caller's transaction. Answers false if the key is taken; if
     * another transaction is taking it right now, waits until that one has committed or rolled back.
     */
    boolean take(String principal, String key, String fingerprint) {
        return jdbc.update("insert into command_side.idempotency_key (principal, key, fingerprint, created_at) "
                + "values (?, ?, ?, ?) on conflict do nothing", principal, key, fingerprint,
                Timestamp.from(clock.instant())) == 1;
    }

    /** Records the answer the command got, in the transaction that took the key. */
    void answer(String principal, String key, StoredAnswer answer) {
        jdbc.update("update command_side.idempotency_key set status = ?, location = ?, etag = ?, content_type = ?, "
                        + "body = ? where principal = ? and key = ?", answer.status(), answer.location(), answer.etag(),
                answer.contentType(), answer.body(), principal, key);
    }

    Optional<Taken> find(String principal, String key) {
        List<Taken> found = jdbc.query("select fingerprint, status, location, etag, content_type, body "
                        + "from command_side.idempotency_key where principal = ? and key = ?",
                (row, n) -> new Taken(row.getString("fingerprint"), new StoredAnswer(row.getInt("status"),
                        row.getString("location"), row.getString("etag"), row.getString("content_type"),
                        row.getString("body"))),
                principal, key);
        return found.stream().findFirst();
    }

    /** Forgets answers older than the retention, once an hour. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetOldAnswers() {
        jdbc.update("delete from command_side.idempotency_key where created_at < ?",
                Timestamp.from(clock.instant().minus(settings.retention())));
    }

    /** A key as stored: the request it was taken for and the answer that request got. */
    record Taken(String fingerprint, StoredAnswer answer) {
    }

    /** What a repeat is answered. */
    record StoredAnswer(int status, String location, String etag, String contentType, String body) {
    }
}
