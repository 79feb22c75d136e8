package dev.lakesentry.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for the runner's {@code serve} endpoint. */
final class Http {
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://[^ ]+?)/? \\(");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    /** The endpoint a {@code serve --port 0} process printed. */
    static Http of(RunnerProcess serve) {
        if (!serve.awaitOutput("Listening on", Duration.ofMinutes(2))) {
            throw new AssertionError("serve did not start: " + serve.err());
        }
        Matcher m = LISTENING.matcher(serve.out());
        if (!m.find()) {
            throw new AssertionError("No address in: " + serve.out());
        }
        return new Http(URI.create(m.group(1)));
    }

    HttpResponse<String> push(String token, String json) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/ingest")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(60)).build());
    }

    HttpResponse<String> status(String token) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/status")).header("Authorization", "Bearer " + token).GET()
                .timeout(Duration.ofSeconds(60)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP " + request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
