package com.caseledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Text limits count characters as the OpenAPI document's maxLength does: Unicode code points, not UTF-16 units. */
class TextLimitsHttpTest extends CaseLedgerHttpTest {

    private static final String KETTLE = "\uD83E\uDED6"; // one character outside the Basic Multilingual Plane

    @Test
    void a_subject_of_as_many_characters_as_the_document_allows_is_accepted_whatever_the_characters() {
        int maxLength = json(anonymous.getForEntity("/v3/api-docs", String.class))
                .at("/components/schemas/OpenCaseRequest/properties/subject/maxLength").asInt();
        assertThat(maxLength).isEqualTo(500);

        ResponseEntity<String> atTheLimit = post("/api/cases", caseWithSubject(KETTLE.repeat(maxLength)));
        ResponseEntity<String> overTheLimit = post("/api/cases", caseWithSubject(KETTLE.repeat(maxLength + 1)));

        assertThat(atTheLimit.getStatusCode().value()).as(atTheLimit.getBody()).isEqualTo(201);
        assertThat(fields(problem(overTheLimit, 400))).containsExactly("subject");
    }

    private static Map<String, Object> caseWithSubject(String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customer());
        body.put("subject", subject);
        return body;
    }
}
