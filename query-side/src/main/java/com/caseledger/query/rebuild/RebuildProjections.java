package com.caseledger.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The command-line rebuild, from the same jar: asks a running node to rebuild the projections
 * ({@code POST /api/admin/projections/{name}/rebuild}) and follows it with a progress bar on stderr until the node has
 * switched to the rebuilt projections; prints a summary and exits 0 when it switched, 1 when the rebuild failed and 2
 * when the node refused or could not be reached. It signs in as {@code CASELEDGER_USER} (default {@code admin}) with
 * {@code CASELEDGER_PASSWORD}, or with the bearer token {@code CASELEDGER_TOKEN}.
 * <pre>
 * RebuildProjections [base URL, default http://localhost:8080] [projection, default all]
 * </pre>
 */
public final class RebuildProjections {

    private static final int BAR_WIDTH = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildProjections() {
    }

    public static void main(String[] args) {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        String name = args.length > 1 ? args[1] : "all";
        String token = System.getenv("CASELEDGER_TOKEN");
        String user = System.getenv().getOrDefault("CASELEDGER_USER", "admin");
        String password = System.getenv().getOrDefault("CASELEDGER_PASSWORD", "");
        String authorization = token != null && !token.isBlank() ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        System.exit(rebuild(base, name, authorization, System.out, System.err, Duration.ofMillis(500)));
    }

    /** Rebuilds and follows; answers the exit code. */
    public static int rebuild(URI base, String name, String authorization, PrintStream summary, PrintStream progress,
                              Duration poll) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> started = client.send(request(base, "/api/admin/projections/" + name + "/rebuild",
                    authorization).POST(HttpRequest.BodyPublishers.noBody()).build(), utf8());
            if (started.statusCode() != 202) {
                summary.println("The node refused the rebuild (" + started.statusCode() + "): " + detail(started));
                return 2;
            }
            JsonNode status = JSON.readTree(started.body()).get(0);
            while (true) {
                if (!status.get("status").asText().equals(ProjectionStatus.REBUILDING)) {
                    progress.println();
                    return ended(summary, status);
                }
                draw(progress, status.get("progress"));
                Thread.sleep(poll.toMillis());
                HttpResponse<String> answer = client.send(request(base, "/api/admin/projections", authorization)
                        .GET().build(), utf8());
                if (answer.statusCode() != 200) {
                    progress.println();
                    summary.println("The node stopped answering (" + answer.statusCode() + "): " + detail(answer));
                    return 2;
                }
                status = JSON.readTree(answer.body()).get(0);
            }
        } catch (IOException e) {
            summary.println("Could not reach " + base + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int ended(PrintStream summary, JsonNode status) {
        JsonNode last = status.path("lastRebuild");
        if (last.path("outcome").asText().equals(ProjectionStatus.Ended.FAILED)) {
            summary.println("The rebuild failed and the live projections stayed: " + last.path("error").asText());
            return 1;
        }
        summary.println("Rebuilt " + status.get("name").asText() + " and switched to it at position "
                + status.path("position").asText() + " of " + status.path("headPosition").asText() + ".");
        return 0;
    }

    private static void draw(PrintStream progress, JsonNode at) {
        long done = at.get("done").asLong();
        long total = Math.max(at.get("total").asLong(), 1);
        int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        String rate = at.path("eventsPerSecond").isNumber() ? at.get("eventsPerSecond").asLong() + " events/s" : "";
        String left = at.path("etaSeconds").isNumber() ? ", " + at.get("etaSeconds").asLong() + " s left" : "";
        progress.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/"
                + at.get("total").asLong() + " " + rate + left + "   ");
        progress.flush();
    }

    private static HttpRequest.Builder request(URI base, String path, String authorization) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static String detail(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body()).path("detail").asText(answer.body());
        } catch (IOException notJson) {
            return answer.body();
        }
    }
}
