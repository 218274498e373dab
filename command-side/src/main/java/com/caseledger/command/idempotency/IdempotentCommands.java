package com.caseledger.command.idempotency;

import com.caseledger.platform.web.FieldError;
import com.caseledger.platform.web.Problems;
import com.caseledger.platform.web.ReadAheadBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Safe retries: a command sent with an {@code Idempotency-Key} runs at most once per user and key. The key is taken
 * and the answer stored in the same transaction as the command's events (Axon's unit of work joins it), and the
 * answer reaches the client only after that transaction has committed. A repeat with the same body gets the first
 * answer again (with {@code Idempotent-Replayed: true}) and changes nothing; a repeat that arrives while the first is
 * running waits for it; the same key with another request is 409. A command that is refused takes no key, so its
 * repeat is judged anew. Commands run on the thread that received them (Axon's local command bus), which is what puts
 * them in this transaction.
 */
@Component
@Order(0)
public class IdempotentCommands extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    public IdempotentCommands(IdempotencyKeys keys, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!VALID_KEY.matcher(key).matches()) {
            String detail = HEADER + " must be 1 to 200 visible ASCII characters, such as a UUID";
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
                    List.of(new FieldError(HEADER, detail)));
            return;
        }
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Optional<IdempotencyKeys.Taken> earlier;
        try {
            earlier = transactions.execute(status -> once(user.getName(), key, fingerprint,
                    new ReadAheadBody(request, body), answer, chain, status));
        } catch (CommandFailed failed) {
            failed.rethrow();
            return;
        }
        if (earlier == null || earlier.isEmpty()) {
            answer.copyBodyToResponse();
            return;
        }
        if (!earlier.get().fingerprint().equals(fingerprint)) {
            Problems.write(response, HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
                    "This " + HEADER + " was already used by you for another request (another path or body); "
                            + "nothing was done. Use a new key for a new request.", List.of());
            return;
        }
        replay(response, earlier.get().answer());
    }

    /** Runs the command if the key is free; answers the earlier use of the key otherwise. */
    private Optional<IdempotencyKeys.Taken> once(String principal, String key, String fingerprint,
                                                 HttpServletRequest request, ContentCachingResponseWrapper answer,
                                                 FilterChain chain, TransactionStatus transaction) {
        if (!keys.take(principal, key, fingerprint)) {
            return keys.find(principal, key);
        }
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            transaction.setRollbackOnly();
            throw new CommandFailed(e);
        }
        if (answer.getStatus() < 200 || answer.getStatus() >= 300) {
            transaction.setRollbackOnly();
            return Optional.empty();
        }
        keys.answer(principal, key, new IdempotencyKeys.StoredAnswer(answer.getStatus(),
                answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG), answer.getContentType(),
                new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8)));
        return Optional.empty();
    }

    private static void replay(HttpServletResponse response, IdempotencyKeys.StoredAnswer stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request as a key remembers it: method, path and the body's JSON with its keys in order. */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        String canonical;
        try {
            canonical = body.length == 0 ? "" : JSON.writeValueAsString(sorted(JSON.readTree(body)));
        } catch (IOException notJson) {
            canonical = new String(body, StandardCharsets.UTF_8);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Object sorted(JsonNode node) throws JsonProcessingException {
        if (node instanceof ObjectNode object) {
            Map<String, Object> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            return fields;
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            for (JsonNode item : node) {
                items.add(sorted(item));
            }
            return items;
        }
        return node;
    }

    /** A failure inside the transaction, carried out of it to be thrown as it was. */
    private static final class CommandFailed extends RuntimeException {
        CommandFailed(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            if (getCause() instanceof IOException io) {
                throw io;
            }
            if (getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) getCause();
        }
    }

    /** The hourly clean-up of old answers. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Cleanup {
    }
}
