package com.caseledger.query.config;

import com.caseledger.platform.personaldata.PersonalDataKeys;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProjectionEventSourceTest {

    private final EventStore store = mock(EventStore.class);
    private final PersonalDataKeys keys = mock(PersonalDataKeys.class);
    private final ProjectionEventSource source = new ProjectionEventSource(store, keys, Duration.ofMillis(1), 100);

    @Test
    void hands_the_processor_every_event_once_in_the_order_of_the_store() throws Exception {
        when(store.openStream(any())).thenReturn(new StoreStream(1_234, null));

        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(take(stream, 1_234)).isEqualTo(positions(1_234));
        assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        verify(keys, atLeastOnce()).prefetchForCases(anyCollection());
        stream.close();
    }

    @Test
    void hands_over_a_failure_to_read_after_the_events_read_before_it() throws Exception {
        IllegalStateException lost = new IllegalStateException("connection lost");
        when(store.openStream(any())).thenReturn(new StoreStream(700, lost));

        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(take(stream, 700)).isEqualTo(positions(700));
        assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS)).isSameAs(lost);
        stream.close();
    }

    private static List<Long> take(BlockingStream<TrackedEventMessage<?>> stream, int count) throws Exception {
        List<Long> taken = new ArrayList<>();
        while (taken.size() < count) {
            taken.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }
        return taken;
    }

    private static List<Long> positions(int count) {
        List<Long> positions = new ArrayList<>();
        for (long position = 1; position <= count; position++) {
            positions.add(position);
        }
        return positions;
    }

    /** The store's stream: {@code count} events of ten cases, then the failure, if any, or nothing more. */
    private static final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

        private final int count;
        private final RuntimeException failure;
        private int position;

        StoreStream(int count, RuntimeException failure) {
            this.count = count;
            this.failure = failure;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (position < count) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            position++;
            return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventMessage<>("SupportCase", "case-" + position % 10, position / 10,
                            "event " + position));
        }

        @Override
        public void close() {
        }
    }
}
