package com.caseledger.platform.personaldata;

import com.caseledger.events.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals, once, the personal text of events recorded before it was sealed, so that erasing their customer erases it
 * too. It runs when a node is ready, in a thread of its own, batch by batch from where the last run stopped
 * (`eventstore.personal_data_sealing`), one node at a time (an advisory lock), and rewrites only the payload of an
 * event that still holds personal text in clear: the event is read and written again through the event serializer,
 * which seals. Everything else of the event stays as recorded (the store's trigger checks it). Events in Axon Server
 * cannot be rewritten; there every event is sealed as it is recorded, and nothing is sealed afterwards.
 */
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Component
public class PlaintextSealing {

    private static final Logger log = LoggerFactory.getLogger(PlaintextSealing.class);
    private static final long LOCK = 0x5EA1_7E57L;
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer eventSerializer;
    private final Map<String, List<String>> personalFields = new ConcurrentHashMap<>();

    public PlaintextSealing(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventSerializer = eventSerializer;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sealInTheBackground() {
        Thread worker = new Thread(() -> {
            try {
                long sealed = sealAll();
                if (sealed > 0) {
                    log.info("Sealed the personal text of {} events recorded in clear", sealed);
                }
            } catch (RuntimeException e) {
                log.warn("Sealing personal text recorded in clear stopped; the next start goes on from where it was", e);
            }
        }, "personal-data-sealing");
        worker.setDaemon(true);
        worker.start();
    }

    /** Looks at every event recorded since the last look and seals what it finds in clear; answers how many. */
    public long sealAll() {
        long total = 0;
        while (true) {
            Long sealed = transactions.execute(status -> sealBatch());
            if (sealed == null || sealed < 0) {
                return total;
            }
            total += sealed;
        }
    }

    /** One batch in one transaction; -1 when there is nothing more to look at, or another node is at it. */
    private long sealBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        jdbc.execute("set local caseledger.sealing_personal_text = 'on'");
        long position = jdbc.queryForObject(
                "select position from eventstore.personal_data_sealing where id = 1 for update", Long.class);
        List<Recorded> events = jdbc.query("select global_index, payload_type, payload_revision, payload "
                        + "from eventstore.domain_event_entry where global_index > ? order by global_index limit ?",
                (row, n) -> new Recorded(row.getLong(1), row.getString(2), row.getString(3), row.getBytes(4)),
                position, BATCH);
        if (events.isEmpty()) {
            return -1;
        }
        long sealed = 0;
        for (Recorded event : events) {
            if (holdsTextInClear(event)) {
                Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(event.payload(),
                        byte[].class, event.type(), event.revision()));
                byte[] resealed = eventSerializer.serialize(payload, byte[].class).getData();
                jdbc.update("update eventstore.domain_event_entry set payload = ? where global_index = ?",
                        resealed, event.globalIndex());
                sealed++;
            }
        }
        jdbc.update("update eventstore.personal_data_sealing set position = ?, sealed = sealed + ?, last_run_at = now() "
                + "where id = 1", events.get(events.size() - 1).globalIndex(), sealed);
        return sealed;
    }

    private boolean holdsTextInClear(Recorded event) {
        List<String> fields = personalFields.computeIfAbsent(event.type(), PlaintextSealing::personalFieldsOf);
        if (fields.isEmpty()) {
            return false;
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payload());
        } catch (IOException notJson) {
            return false;
        }
        return fields.stream().map(payload::path)
                .anyMatch(text -> text.isTextual() && !text.asText().startsWith(SealedText.PREFIX));
    }

    private static List<String> personalFieldsOf(String type) {
        try {
            Class<?> payloadClass = Class.forName(type);
            if (!payloadClass.isRecord()) {
                return List.of();
            }
            return java.util.Arrays.stream(payloadClass.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .map(RecordComponent::getName)
                    .toList();
        } catch (ClassNotFoundException unknown) {
            return List.of();
        }
    }

    private record Recorded(long globalIndex, String type, String revision, byte[] payload) {
    }
}
