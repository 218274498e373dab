package com.caseledger.query.casefold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored case fold holds these fields: revision 4 ({@link TimelineFormat}) writes them one after the other
 * (revision 3 is the same without the last three, the SLA outcomes; revision 2 is also without the three before them,
 * the SLA policy and the reply wait), and the folds of revision 1 are
 * JSON read back by these names (a field they do not know is refused). A field added,
 * renamed or removed changes the format: it must raise {@code TimelineFormat.REVISION} and ship with a migration of
 * the stored folds (or a rebuild).
 */
class CaseFoldFormatTest {

    @Test
    void the_stored_fold_fields_are_those_of_revision_4() {
        JsonNode fold = JsonMapper.builder().addModule(new JavaTimeModule()).build().valueToTree(new CaseTimeline());

        assertThat(TimelineFormat.REVISION).isEqualTo(4);
        List<String> names = new ArrayList<>();
        fold.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("caseId", "version", "type", "status", "channel", "category",
                "priority", "customerId", "agentId", "team", "subject", "description", "orderId", "orderAmount",
                "openedAt", "firstReplyAt", "firstResolvedAt", "lastResolvedAt", "closedAt", "lastActivityAt", "replies",
                "reopens", "customerMessages", "notes", "escalations", "escalationLevel", "openSince", "openSeconds",
                "requesterWaitSeconds", "statusChanges", "refunds", "followUps", "surveys", "sla", "replyWaitStartedAt",
                "replyWaitAnsweredAt", "firstReplyOutcome", "resolutionOutcome", "nextReplyOutcomes");
    }
}
