package com.caseledger.query.feed;

import com.caseledger.platform.web.InvalidInputException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cursor names a position in the store's order and the empty positions below it, and reads back the same. */
class FeedCursorTest {

    @Test
    void a_position_with_empty_positions_below_it_reads_back_the_same() {
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(1042, List.of(1000L, 1040L));

        assertThat(FeedCursor.read(FeedCursor.write(position))).isEqualTo(position);
    }

    @Test
    void a_position_without_gaps_reads_back_the_same() {
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(7, List.of());

        assertThat(FeedCursor.read(FeedCursor.write(position))).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "c1.", "c1.!!", "c1.LTU", "c1.MTA6MjA", "c2.MQ"})
    void a_cursor_the_feed_did_not_give_out_is_refused_as_invalid_input(String cursor) {
        assertThatThrownBy(() -> FeedCursor.read(cursor)).isInstanceOf(InvalidInputException.class);
    }
}
