package com.caseledger.commandside;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side runs on its own: it records events in the store and serves no projections. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "caseledger.data-dir=target/test-data/${random.uuid}")
class CommandSideAloneTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void opening_a_case_on_the_command_side_alone_records_the_event_in_postgresql() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> response = http.withBasicAuth("agent", "agent").postForEntity("/api/cases", new HttpEntity<>("""
                {"type": "INQUIRY", "channel": "CHAT", "customerId": "alone-1", "subject": "Delivery date?"}""", headers), Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String caseId = (String) response.getBody().get("caseId");
        assertThat(jdbc.queryForList("select payload_type from eventstore.domain_event_entry where aggregate_identifier = ?",
                String.class, caseId)).containsExactly("com.caseledger.events.CaseOpened");
    }

    @Test
    void the_command_side_alone_signs_users_in_too() {
        ResponseEntity<String> response = http.postForEntity("/api/cases", Map.of("type", "INQUIRY"), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void the_command_side_alone_has_no_projection_tables() {
        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name = 'projections'",
                Integer.class)).isZero();
    }

    @Test
    void the_event_store_refuses_to_rewrite_history() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.withBasicAuth("agent", "agent").postForEntity("/api/cases", new HttpEntity<>("""
                {"type": "COMPLAINT", "channel": "EMAIL", "customerId": "alone-2", "subject": "Wrong size"}""", headers), Map.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from eventstore.domain_event_entry"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update eventstore.domain_event_entry set type = 'x'"))
                .hasMessageContaining("append-only");
    }
}
