package com.caseledger.command.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's snapshot is its fields as JSON, read back by field name. This pins the names of the current snapshot
 * revision: a renamed or removed field must raise {@code SupportCase.SNAPSHOT_REVISION}, so that older snapshots are
 * skipped rather than read into the wrong fields. What a command is handled with (the case's services) is never
 * part of it.
 */
class SnapshotFormatTest {

    @Test
    void the_snapshot_fields_are_those_of_revision_5() throws Exception {
        JsonNode snapshot = JsonMapper.builder().addModule(new JavaTimeModule()).build()
                .valueToTree(new SupportCase());

        assertThat(SupportCase.SNAPSHOT_REVISION).isEqualTo("5");
        assertThat(names(snapshot)).containsExactlyInAnyOrder("caseId", "latestOccurredAt", "lifecycle", "afterSales",
                "followUps", "sla");
        assertThat(names(snapshot.get("lifecycle"))).containsExactlyInAnyOrder("status", "type", "channel", "priority", "agentId",
                "team", "orderId", "orderAmount");
        assertThat(names(snapshot.get("afterSales"))).containsExactly("requests");
        assertThat(names(snapshot.get("followUps"))).containsExactly("calls");
        assertThat(names(snapshot.get("sla"))).containsExactlyInAnyOrder("policyId", "policyVersion", "targets",
                "calendar", "escalateOnBreach", "facts", "outcomes");
        assertThat(names(snapshot.get("sla").get("facts"))).containsExactlyInAnyOrder("statusChanges", "openedAt",
                "firstReplyAt", "replyWaitStartedAt", "replyWaitAnsweredAt", "lastResolvedAt");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
