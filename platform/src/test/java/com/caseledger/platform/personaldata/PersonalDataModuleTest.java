package com.caseledger.platform.personaldata;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.PersonalData;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataModuleTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private final KeysInMemory keys = new KeysInMemory();
    private final ObjectMapper events = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new PersonalDataModule(keys)).build();

    @Test
    void a_sealed_text_reads_back_as_it_was_written() throws Exception {
        CaseOpened opened = opened("Kettle arrived broken", "The spout is cracked");

        String stored = events.writeValueAsString(opened);

        assertThat(stored).doesNotContain("Kettle", "spout").contains("\"customerId\":\"cust-1\"", "\"case-1\"");
        assertThat(events.readValue(stored, CaseOpened.class)).isEqualTo(opened);
    }

    @Test
    void any_text_reads_back_exactly_even_with_nul_an_unpaired_surrogate_or_characters_beyond_the_basic_plane()
            throws Exception {
        String text = "a\u0000b \uD800 c \uDC00 \uD83D\uDE00 \u00E9\u4E2D\t\n";

        assertThat(events.readValue(events.writeValueAsString(reply(text)), AgentReplied.class).body()).isEqualTo(text);
    }

    @Test
    void the_same_text_is_sealed_differently_each_time() throws Exception {
        String first = events.writeValueAsString(reply("Sorry!"));
        String second = events.writeValueAsString(reply("Sorry!"));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_later_event_of_the_case_uses_the_key_of_the_case_customer() throws Exception {
        events.writeValueAsString(opened("subject", null));
        String stored = events.writeValueAsString(reply("Could you send a photo?"));

        assertThat(stored).contains(SealedText.PREFIX + keys.current.get("cust-1").keyId() + ":");
        assertThat(events.readValue(stored, AgentReplied.class).body()).isEqualTo("Could you send a photo?");
    }

    @Test
    void a_text_whose_key_was_destroyed_reads_as_erased() throws Exception {
        String stored = events.writeValueAsString(opened("Kettle arrived broken", "The spout is cracked"));

        keys.destroy("cust-1");

        CaseOpened read = events.readValue(stored, CaseOpened.class);
        assertThat(read.subject()).isEqualTo(PersonalData.ERASED);
        assertThat(read.description()).isEqualTo(PersonalData.ERASED);
        assertThat(read.customerId()).isEqualTo("cust-1");
        assertThat(read.caseId()).isEqualTo("case-1");
    }

    @Test
    void a_text_sealed_with_another_key_than_it_names_reads_as_erased() {
        CustomerKey named = KeysInMemory.newKey();
        CustomerKey other = new CustomerKey(named.keyId(), KeysInMemory.newKey().secret());
        SealedText sealed = SealedText.parse(SealedText.seal(other, "private")).orElseThrow();

        assertThat(sealed.open(named)).isEqualTo(PersonalData.ERASED);
        assertThat(sealed.open(other)).isEqualTo("private");
    }

    @Test
    void a_text_recorded_before_texts_were_sealed_reads_as_it_was_recorded() throws Exception {
        String legacy = "{\"caseId\":\"case-1\",\"agentId\":\"agent\",\"body\":\"pd1:not sealed\","
                + "\"occurredAt\":\"2026-03-01T09:00:00Z\"}";

        assertThat(events.readValue(legacy, AgentReplied.class).body()).isEqualTo("pd1:not sealed");
        assertThat(events.readValue(legacy.replace("pd1:not sealed", "Sorry!"), AgentReplied.class).body())
                .isEqualTo("Sorry!");
    }

    @Test
    void a_customer_who_writes_after_an_erasure_gets_a_new_key() throws Exception {
        String before = events.writeValueAsString(opened("first", null));
        keys.destroy("cust-1");
        String after = events.writeValueAsString(reply("written again"));

        assertThat(events.readValue(before, CaseOpened.class).subject()).isEqualTo(PersonalData.ERASED);
        assertThat(events.readValue(after, AgentReplied.class).body()).isEqualTo("written again");
    }

    @Test
    void absent_text_stays_absent() throws Exception {
        String stored = events.writeValueAsString(opened("subject", null));

        assertThat(stored).contains("\"description\":null");
        assertThat(events.readValue(stored, CaseOpened.class).description()).isNull();
    }

    private static CaseOpened opened(String subject, String description) {
        return new CaseOpened("case-1", CaseType.COMPLAINT, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL, "cust-1",
                subject, description, null, null, AT);
    }

    private static AgentReplied reply(String body) {
        return new AgentReplied("case-1", "agent", body, AT);
    }

    /** The key table as a map: a case's customer is learnt from its opening, as the store learns it. */
    private static final class KeysInMemory implements PersonalDataKeys {

        private final Map<String, String> customers = new HashMap<>(Map.of("case-1", "cust-1"));
        private final Map<String, CustomerKey> current = new HashMap<>();
        private final Map<String, CustomerKey> byId = new HashMap<>();

        @Override
        public CustomerKey currentKeyFor(CaseEvent event) {
            if (event instanceof CaseOpened opened) {
                customers.put(opened.caseId(), opened.customerId());
            }
            return current.computeIfAbsent(customers.get(event.caseId()), customer -> {
                CustomerKey key = newKey();
                byId.put(key.keyId(), key);
                return key;
            });
        }

        @Override
        public Optional<CustomerKey> key(String keyId) {
            return Optional.ofNullable(byId.get(keyId));
        }

        void destroy(String customerId) {
            CustomerKey key = current.remove(customerId);
            byId.put(key.keyId(), new CustomerKey(key.keyId(), null));
        }

        static CustomerKey newKey() {
            byte[] secret = new byte[SealedText.KEY_BYTES];
            new SecureRandom().nextBytes(secret);
            return new CustomerKey(java.util.UUID.randomUUID().toString(), new SecretKeySpec(secret, SealedText.ALGORITHM));
        }
    }
}
