package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with bearer tokens, as an identity provider such as Keycloak issues them: the node trusts one public key,
 * names the user by the token's subject and reads the roles from a nested claim ({@code realm_access.roles}). A
 * token that is expired, signed by another key or missing is a 401 asking for a bearer token, a role that may not is
 * a 403 with nothing recorded, and the development users no longer sign in. This class has its own node and database
 * (closed after it), so the shared one of the other HTTP tests keeps signing in with HTTP Basic.
 */
@SpringBootTest(classes = CaseLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caseledger.data-dir=target/test-data/${random.uuid}",
                "caseledger.security.jwt.roles-claim=realm_access.roles",
                // a configured user list: a service account that signs in with HTTP Basic beside the tokens
                "caseledger.security.users[0].name=warehouse-loader",
                "caseledger.security.users[0].password={bcrypt}$2a$10$lAanViBP32GoBb7fc/pjJepveFWeR70SXOXfRwWa9.fIaZA2isKf2", // the bcrypt hash of s3cret-loader
                "caseledger.security.users[0].roles=ANALYST"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JwtSignInHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair ISSUER = rsaKeyPair();
    private static final KeyPair ANOTHER_ISSUER = rsaKeyPair();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private long eventsBefore;

    @DynamicPropertySource
    static void trustTheIssuersPublicKey(DynamicPropertyRegistry properties) throws IOException {
        Path pem = Files.createTempFile("caseledger-issuer", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = storedEvents();
    }

    @Test
    void an_agents_token_opens_a_case_and_the_event_records_the_tokens_subject_as_actor() {
        String token = token(ISSUER, "li.wei", List.of("agent"), Instant.now().plus(Duration.ofMinutes(5)));

        ResponseEntity<String> opened = send(HttpMethod.POST, "/api/cases", newCase(), "Bearer " + token);

        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String caseId = json(opened).get("caseId").asText();
        ResponseEntity<String> history = send(HttpMethod.GET, "/api/cases/" + caseId + "/history", null, "Bearer " + token);
        assertThat(history.getStatusCode().value()).as(history.getBody()).isEqualTo(200);
        assertThat(json(history)).hasSize(1);
        assertThat(json(history).get(0).get("type").asText()).isEqualTo("CaseOpened");
        assertThat(json(history).get(0).get("actor").asText()).isEqualTo("li.wei");
    }

    @Test
    void the_roles_are_read_from_the_configured_nested_claim_only() {
        String topLevelRoles = sign(ISSUER, new JWTClaimsSet.Builder().subject("li.wei").claim("roles", List.of("AGENT"))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build());

        ResponseEntity<String> refused = send(HttpMethod.POST, "/api/cases", newCase(), "Bearer " + topLevelRoles);

        problem(refused, 403);
        assertNothingRecorded();
    }

    @Test
    void an_analysts_token_may_not_open_a_case_and_nothing_is_recorded() {
        String token = token(ISSUER, "zhang.min", List.of("ROLE_ANALYST"), Instant.now().plus(Duration.ofMinutes(5)));

        ResponseEntity<String> refused = send(HttpMethod.POST, "/api/cases", newCase(), "Bearer " + token);

        problem(refused, 403);
        assertNothingRecorded();
    }

    @Test
    void an_expired_token_is_refused_with_a_bearer_challenge() {
        String expired = token(ISSUER, "li.wei", List.of("AGENT"), Instant.now().minus(Duration.ofHours(1)));

        assertAskedForABearerToken(send(HttpMethod.POST, "/api/cases", newCase(), "Bearer " + expired));
    }

    @Test
    void a_token_signed_by_another_key_is_refused_with_a_bearer_challenge() {
        String forged = token(ANOTHER_ISSUER, "li.wei", List.of("ADMIN"), Instant.now().plus(Duration.ofMinutes(5)));

        assertAskedForABearerToken(send(HttpMethod.POST, "/api/cases", newCase(), "Bearer " + forged));
    }

    @Test
    void a_token_that_is_no_jwt_is_refused_with_a_bearer_challenge() {
        assertAskedForABearerToken(send(HttpMethod.POST, "/api/cases", newCase(), "Bearer not-a-token"));
    }

    @Test
    void a_request_without_a_token_is_refused_with_a_bearer_challenge() {
        assertAskedForABearerToken(send(HttpMethod.POST, "/api/cases", newCase(), null));
        assertAskedForABearerToken(send(HttpMethod.GET, "/api/cases", null, null));
    }

    @Test
    void the_development_users_do_not_sign_in_with_basic_once_tokens_are_on() {
        for (String user : List.of("admin", "agent")) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));

            assertAskedForABearerToken(send(HttpMethod.POST, "/api/cases", newCase(), basic));
            assertAskedForABearerToken(send(HttpMethod.GET, "/api/cases", null, basic));
        }
    }

    @Test
    void a_configured_user_signs_in_with_basic_beside_the_tokens_with_their_own_roles_only() {
        String loader = "Basic " + Base64.getEncoder().encodeToString("warehouse-loader:s3cret-loader"
                .getBytes(StandardCharsets.UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("warehouse-loader:guess"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(send(HttpMethod.GET, "/api/events?limit=1", null, loader).getStatusCode().value()).isEqualTo(200);
        problem(send(HttpMethod.POST, "/api/cases", newCase(), loader), 403);
        problem(send(HttpMethod.GET, "/api/events?limit=1", null, wrong), 401);
        assertNothingRecorded();
    }

    private void assertAskedForABearerToken(ResponseEntity<String> answer) {
        problem(answer, 401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(answer.getHeaders().toString())
                .startsWith("Bearer");
        assertNothingRecorded();
    }

    private void assertNothingRecorded() {
        assertThat(storedEvents()).as("events stored").isEqualTo(eventsBefore);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, Object body, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(path, method, new HttpEntity<>(body == null ? null : write(body), headers), String.class);
    }

    /** A token of {@code issuer} for {@code subject}, with the roles where Keycloak puts them. */
    private static String token(KeyPair issuer, String subject, List<String> roles, Instant expires) {
        return sign(issuer, new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expires))
                .claim("realm_access", Map.of("roles", roles))
                .build());
    }

    private static String sign(KeyPair issuer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) issuer.getPrivate()));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> newCase() {
        return Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", "customer-" + UUID.randomUUID(),
                "subject", "Where is my parcel?");
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
