package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.platform.database.StorableText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;

import static com.caseledger.platform.database.EventStoreMigrations.SCHEMA;

/**
 * Owns {@code eventstore.customer_key} (every key a customer's text was sealed with; its bytes gone once destroyed)
 * and {@code eventstore.case_customer} (whose case it is, recorded when the case is opened, since later events name
 * only the case). Keys are written in the transaction that records the event, through the Spring-managed connection.
 * Ids are stored as PostgreSQL can hold them ({@link StorableText}: an imported id may carry NUL).
 * Keys read to open text are kept for {@link PersonalDataSettings#keyCacheTime()}; a key destroyed on this node is
 * dropped from the cache at once (and again when the erasure commits).
 */
@Repository
public class CustomerKeyStore implements PersonalDataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The key under which a transaction's live keys are bound to it. */
    private static final Object TRANSACTION_KEYS = new Object();
    private static final ObjectMapper OPENING = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Cache<String, Optional<CustomerKey>> keysById;
    /** Counts the erasures on this node, so that a prefetch overlapping one keeps nothing. */
    private final AtomicLong erasures = new AtomicLong();
    /** Whose case is whose never changes: remembered, so that sealing a case's text asks only for the live key. */
    private final Cache<String, String> customerOfCase;

    public CustomerKeyStore(JdbcTemplate jdbc, PersonalDataSettings settings) {
        this.jdbc = jdbc;
        this.keysById = Caffeine.newBuilder()
                .expireAfterWrite(settings.keyCacheTime())
                .maximumSize(settings.keyCacheSize())
                .build();
        this.customerOfCase = Caffeine.newBuilder().maximumSize(settings.keyCacheSize()).build();
    }

    @Override
    public CustomerKey currentKeyFor(CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            jdbc.update("insert into " + SCHEMA + ".case_customer (case_id, customer_id) values (?, ?) "
                    + "on conflict (case_id) do nothing", StorableText.of(opened.caseId()), StorableText.of(opened.customerId()));
            return currentKeyOfStored(StorableText.of(opened.customerId()));
        }
        String caseId = StorableText.of(event.caseId());
        String customer = customerOfCase.getIfPresent(caseId);
        if (customer == null) {
            List<String> customers = jdbc.queryForList("select customer_id from " + SCHEMA + ".case_customer "
                    + "where case_id = ?", String.class, caseId);
            customer = customers.isEmpty() ? recordCustomerOfOpenedCase(event.caseId()) : customers.get(0);
            customerOfCase.put(caseId, customer);
        }
        return currentKeyOfStored(customer);
    }

    /** A case opened before keys existed: its customer is read from its opening event (its id is never sealed). */
    private String recordCustomerOfOpenedCase(String caseId) {
        List<byte[]> opening = jdbc.queryForList("select payload from " + SCHEMA + ".domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0 and payload_type = ?", byte[].class, caseId,
                CaseOpened.class.getName());
        if (opening.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " has no opening event: its text cannot be sealed "
                    + "with its customer's key");
        }
        String customerId;
        try {
            customerId = StorableText.of(OPENING.readTree(opening.get(0)).path("customerId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("The opening event of case " + caseId + " is not JSON", e);
        }
        jdbc.update("insert into " + SCHEMA + ".case_customer (case_id, customer_id) values (?, ?) "
                + "on conflict (case_id) do nothing", StorableText.of(caseId), customerId);
        return customerId;
    }

    /** The customer's live key; a new one when they have none yet or their keys were destroyed. */
    private CustomerKey currentKeyOfStored(String customerId) {
        Map<String, CustomerKey> thisTransaction = keysOfThisTransaction();
        CustomerKey known = thisTransaction.get(customerId);
        if (known == null) {
            known = liveOrNewKeyOf(customerId);
            thisTransaction.put(customerId, known);
        }
        return known;
    }

    /**
     * The live keys this transaction has read, so that a command's several texts, or an import's many events of one
     * customer, ask for the key once. Within one transaction the answer would not change; across transactions
     * nothing is kept, since another node may destroy a key at any time.
     */
    private static Map<String, CustomerKey> keysOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, CustomerKey> keys = (Map<String, CustomerKey>) TransactionSynchronizationManager.getResource(
                TRANSACTION_KEYS);
        if (keys == null) {
            Map<String, CustomerKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEYS, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEYS);
                }
            });
            keys = fresh;
        }
        return keys;
    }

    private CustomerKey liveOrNewKeyOf(String customerId) {
        Optional<CustomerKey> current = liveKeyOf(customerId);
        if (current.isPresent()) {
            return current.get();
        }
        byte[] secret = new byte[SealedText.KEY_BYTES];
        RANDOM.nextBytes(secret);
        // two transactions making a first key together: the unique index makes the second wait and take the first's
        jdbc.update("insert into " + SCHEMA + ".customer_key (key_id, customer_id, key_bytes, created_at) "
                + "values (?, ?, ?, now()) on conflict (customer_id) where destroyed_at is null do nothing",
                UUID.randomUUID().toString(), customerId, secret);
        return liveKeyOf(customerId).orElseThrow(() -> new IllegalStateException(
                "The key made for customer " + customerId + " is not there"));
    }

    private Optional<CustomerKey> liveKeyOf(String customerId) {
        return jdbc.query("select key_id, key_bytes from " + SCHEMA + ".customer_key "
                + "where customer_id = ? and destroyed_at is null", CustomerKeyStore::key, customerId)
                .stream().findFirst();
    }

    @Override
    public Optional<CustomerKey> key(String keyId) {
        return keysById.get(keyId, id -> jdbc.query("select key_id, key_bytes from " + SCHEMA + ".customer_key "
                + "where key_id = ?", CustomerKeyStore::key, id).stream().findFirst());
    }

    /**
     * Reads the live keys (a destroyed key, rarely met, is read when its text is); keeps them unless an erasure on this
     * node may have destroyed one of them while they were read: the keys of such a batch are then read one by one.
     * The keys at hand, unlike the cache, are dropped by no erasure: a reader holds them for one batch of events.
     */
    @Override
    public PersonalDataKeys prefetchForCases(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return this;
        }
        long erasuresBefore = erasures.get();
        Map<String, Optional<CustomerKey>> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select key_id, key_bytes from " + SCHEMA
                    + ".customer_key where destroyed_at is null and customer_id in (select customer_id from "
                    + SCHEMA + ".case_customer where case_id = any(?))");
            statement.setArray(1, connection.createArrayOf("text",
                    caseIds.stream().distinct().map(StorableText::of).toArray()));
            return statement;
        }, (ResultSet rs) -> {
            CustomerKey key = key(rs, 0);
            found.put(key.keyId(), Optional.of(key));
        });
        if (erasures.get() != erasuresBefore) {
            return this;
        }
        keysById.putAll(found);
        return new KeysAtHand(found, this);
    }

    /**
     * Destroys every live key of the customer, in the caller's transaction; answers how many. Text sealed with them
     * reads as erased from then on; a later text of the customer gets a new key.
     */
    public int destroyKeysOf(String customerId) {
        List<String> destroyed = jdbc.queryForList("update " + SCHEMA + ".customer_key "
                + "set key_bytes = null, destroyed_at = now() where customer_id = ? and destroyed_at is null "
                + "returning key_id", String.class, StorableText.of(customerId));
        erasures.incrementAndGet();
        keysById.invalidateAll(destroyed);
        keysOfThisTransaction().remove(StorableText.of(customerId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader may have cached a key again from before this transaction committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    erasures.incrementAndGet();
                    keysById.invalidateAll(destroyed);
                }
            });
        }
        return destroyed.size();
    }

    private static CustomerKey key(ResultSet rs, int row) throws SQLException {
        byte[] secret = rs.getBytes("key_bytes");
        return new CustomerKey(rs.getString("key_id"),
                secret == null ? null : new SecretKeySpec(secret, SealedText.ALGORITHM));
    }
}
