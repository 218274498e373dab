package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeysAtHandTest {

    private static final CustomerKey HELD = new CustomerKey("key-1", new SecretKeySpec(new byte[32], "AES"));
    private static final CustomerKey STORED = new CustomerKey("key-2", new SecretKeySpec(new byte[32], "AES"));

    @Test
    void a_key_read_for_the_batch_is_answered_without_asking_the_store() {
        Store store = new Store();
        KeysAtHand keys = new KeysAtHand(Map.of("key-1", Optional.of(HELD)), store);

        assertThat(keys.key("key-1")).contains(HELD);
        assertThat(store.asked).isEmpty();
    }

    @Test
    void any_other_key_is_asked_of_the_store() {
        Store store = new Store();
        KeysAtHand keys = new KeysAtHand(Map.of("key-1", Optional.of(HELD)), store);

        assertThat(keys.key("key-2")).contains(STORED);
        assertThat(keys.key("key-3")).isEmpty();
        assertThat(store.asked).containsExactly("key-2", "key-3");
    }

    /** A store of one key that notes what it is asked for. */
    private static final class Store implements PersonalDataKeys {

        private final List<String> asked = new ArrayList<>();

        @Override
        public CustomerKey currentKeyFor(CaseEvent event) {
            throw new UnsupportedOperationException("nothing is sealed here");
        }

        @Override
        public Optional<CustomerKey> key(String keyId) {
            asked.add(keyId);
            return keyId.equals(STORED.keyId()) ? Optional.of(STORED) : Optional.empty();
        }
    }
}
