package com.caseledger.query.casefold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored case fold is read back by field name, and a field it does not know is refused. This pins the names of
 * revision 1: a renamed or removed field must raise {@code CaseTimeline.REVISION} and ship with a migration of the
 * stored folds (or a rebuild).
 */
class CaseFoldFormatTest {

    @Test
    void the_stored_fold_fields_are_those_of_revision_1() {
        JsonNode fold = JsonMapper.builder().addModule(new JavaTimeModule()).build().valueToTree(new CaseTimeline());

        assertThat(CaseTimeline.REVISION).isEqualTo(1);
        List<String> names = new ArrayList<>();
        fold.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("caseId", "version", "type", "status", "channel", "category",
                "priority", "customerId", "agentId", "team", "subject", "description", "orderId", "orderAmount",
                "openedAt", "firstReplyAt", "firstResolvedAt", "lastResolvedAt", "closedAt", "lastActivityAt", "replies",
                "reopens", "customerMessages", "notes", "escalations", "escalationLevel", "openSince", "openSeconds",
                "requesterWaitSeconds", "statusChanges", "refunds", "followUps", "surveys");
    }
}
