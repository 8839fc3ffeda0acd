package io.cloudconnector.azure.internal;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Synchronous JSON calls to Azure Resource Manager over an {@link ArmPipeline}: GET (404 is absent), PUT and DELETE
 * that wait for long-running operations ({@code Azure-AsyncOperation}, else {@code Location}, honouring
 * {@code Retry-After}, up to a deadline), POST, and lists that follow {@code nextLink}. Each request, and the reading
 * of its answer, is one exchange run by {@link ArmCalls} (retries, rate limits) and bounded by the policy's
 * whole-call timeout.
 *
 * <p>Every URL, including links ARM hands back, must point at the ARM endpoint's scheme, host and port: the bearer
 * token is never sent elsewhere. A list stops with an error, never with part of the items, when a page is not JSON,
 * has no {@code value} array, links to a page already read, or the listing runs past the policy's page limit.
 * Thread-safe.
 */
public final class ArmClient {

    private static final String JSON = "application/json";

    private final HttpPipeline pipeline;
    private final URI endpoint;
    private final ObjectMapper json;
    private final Duration operationTimeout;
    private final Duration pollInterval;
    private final ArmCalls calls;

    /**
     * @param endpoint the ARM endpoint, such as {@code https://management.azure.com}
     * @param operationTimeout how long a long-running operation, or a provider registration, may take
     * @param pollInterval the wait between two polls when ARM sends no {@code Retry-After}
     * @param policy how each exchange is retried, paced and timed out
     */
    public ArmClient(HttpPipeline pipeline, URI endpoint, ObjectMapper json, Duration operationTimeout,
        Duration pollInterval, ResiliencePolicy policy) {
        this.pipeline = pipeline;
        this.endpoint = withoutTrailingSlash(endpoint);
        this.json = json;
        this.operationTimeout = operationTimeout;
        this.pollInterval = pollInterval;
        this.calls = new ArmCalls(policy);
    }

    /** The JSON mapper of the wire models. */
    ObjectMapper json() {
        return json;
    }

    /** The resource at {@code path}; empty when ARM answers 404. */
    Optional<JsonNode> get(String path, String apiVersion, String operation) {
        return exchange(HttpMethod.GET, url(path, apiVersion), null, operation, answer -> answer.status() == 404
            ? Optional.empty() : Optional.of(parse(require(answer, operation), operation)));
    }

    /** PUTs {@code body} and returns the resource ARM answers with, after any long-running operation. */
    JsonNode put(String path, String apiVersion, Object body, String operation) {
        URI url = url(path, apiVersion);
        Read written = exchange(HttpMethod.PUT, url, serialize(body, operation), operation, answer -> {
            require(answer, operation);
            boolean longRunning = answer.asyncOperation().isPresent() || answer.status() == 202;
            return new Read(answer, longRunning || answer.body().length == 0 ? null : parse(answer, operation));
        });
        if (written.body() != null) {
            return written.body();
        }
        await(written.answer(), operation);
        return exchange(HttpMethod.GET, url, null, operation, read -> parse(require(read, operation), operation));
    }

    /** DELETEs the resource; {@code false} when ARM says there was none (204 or 404). */
    boolean delete(String path, String apiVersion, String operation) {
        ArmAnswer answer = exchange(HttpMethod.DELETE, url(path, apiVersion), null, operation, deleted ->
            deleted.status() == 204 || deleted.status() == 404 ? deleted : require(deleted, operation));
        if (answer.status() == 204 || answer.status() == 404) {
            return false;
        }
        if (answer.status() == 202 || answer.asyncOperation().isPresent()) {
            await(answer, operation);
        }
        return true;
    }

    /** POSTs without a body and returns the answer's JSON (an empty object when it has none). */
    JsonNode post(String path, String apiVersion, String operation) {
        return exchange(HttpMethod.POST, url(path, apiVersion), null, operation, answer -> {
            require(answer, operation);
            return answer.body().length == 0 ? json.createObjectNode() : parse(answer, operation);
        });
    }

    /**
     * Every item of a list, every page read by following {@code nextLink}.
     *
     * @throws io.cloudconnector.CloudServiceException when a {@code nextLink} leaves the ARM endpoint or points to a
     *     page already read, a page has no {@code value} array, or the list runs past the policy's page limit
     */
    List<JsonNode> list(String path, String apiVersion, String operation) {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> read = new HashSet<>();
        URI page = url(path, apiVersion);
        while (page != null) {
            if (!read.add(page)) {
                throw ArmErrors.badLink(operation, "nextLink points to a page already read (" + page.getPath()
                    + "); stopping instead of looping");
            }
            if (read.size() > calls.policy().maxPages()) {
                throw ArmErrors.badLink(operation, "the list went on past " + calls.policy().maxPages()
                    + " pages; stopping instead of looping");
            }
            JsonNode body = exchange(HttpMethod.GET, page, null, operation, answer -> {
                JsonNode parsed = parse(require(answer, operation), operation);
                if (!parsed.path("value").isArray()) {
                    throw ArmErrors.notAList(operation, answer);
                }
                return parsed;
            });
            body.get("value").forEach(items::add);
            JsonNode next = body.path("nextLink");
            page = next.isTextual() && !next.asText().isBlank() ? link(next.asText(), operation) : null;
        }
        return items;
    }

    /**
     * Reads {@code next} every poll interval, starting from {@code first}, until a value satisfies {@code done} or
     * the operation timeout passes; returns the last value read.
     */
    <T> T pollUntil(T first, Supplier<T> next, Predicate<T> done, String operation) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        T last = first;
        while (!done.test(last) && System.nanoTime() - deadline < 0) {
            pause(pollInterval, operation);
            last = next.get();
        }
        return last;
    }

    /** A path segment, percent-encoded: resource names may hold spaces. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void await(ArmAnswer accepted, String operation) {
        Optional<String> asyncOperation = accepted.asyncOperation();
        Optional<String> location = accepted.location();
        if (asyncOperation.isEmpty() && location.isEmpty()) {
            return;
        }
        URI monitor = link(asyncOperation.orElseGet(location::get), operation);
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        ArmAnswer last = accepted;
        while (true) {
            pause(last.retryAfter().orElse(pollInterval), operation);
            if (System.nanoTime() - deadline > 0) {
                throw ArmErrors.timedOut(operation, operationTimeout);
            }
            Read polled = exchange(HttpMethod.GET, monitor, null, operation, answer -> new Read(
                require(answer, operation), asyncOperation.isPresent() ? parse(answer, operation) : null));
            last = polled.answer();
            if (asyncOperation.isPresent() ? finished(polled, operation) : last.status() != 202) {
                return;
            }
        }
    }

    /** Whether an {@code Azure-AsyncOperation} status says the operation ended well; throws when it ended badly. */
    private boolean finished(Read polled, String operation) {
        JsonNode body = polled.body();
        String status = body.path("status").asText("");
        switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded":
                return true;
            case "failed":
            case "canceled":
            case "cancelled":
                throw ArmErrors.operationFailed(operation, status, body, polled.answer().requestId());
            default:
                return false;
        }
    }

    /**
     * One exchange: the request sent and its answer read by {@code read}, retried under the policy as a whole, so a
     * body that could not be read is asked for again.
     */
    private <T> T exchange(HttpMethod method, URI url, byte[] body, String operation, Function<ArmAnswer, T> read) {
        return calls.run(operation, method, url, attempts -> {
            ArmAnswer answer = send(method, url, body, operation);
            attempts.retryAfter(answer.retryAfter());
            return read.apply(answer);
        });
    }

    /** Sends one request and reads its whole answer, within the policy's whole-call timeout. */
    private ArmAnswer send(HttpMethod method, URI url, byte[] body, String operation) {
        HttpRequest request = new HttpRequest(method, url.toString());
        request.setHeader(HttpHeaderName.ACCEPT, JSON);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, JSON);
            request.setBody(BinaryData.fromBytes(body));
        }
        Duration timeout = calls.policy().callTimeout();
        try {
            return pipeline.send(request, Context.NONE)
                .flatMap(response -> response.getBodyAsByteArray().defaultIfEmpty(new byte[0])
                    .map(bytes -> new ArmAnswer(response.getStatusCode(), response.getHeaders(), bytes))
                    .doFinally(signal -> response.close()))
                .timeout(timeout, Mono.error(() -> new TimeoutException("no whole answer within "
                    + timeout.toMillis() + " ms")))
                .block();
        } catch (ClientAuthenticationException e) {
            throw ArmErrors.signInFailed(operation, e);
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ArmErrors.unreachable(operation, url, e);
        }
    }

    private ArmAnswer require(ArmAnswer answer, String operation) {
        if (!answer.success()) {
            throw ArmErrors.of(answer, operation, json);
        }
        return answer;
    }

    private JsonNode parse(ArmAnswer answer, String operation) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw ArmErrors.malformed(operation, answer, e);
        }
    }

    private byte[] serialize(Object body, String operation) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Cannot write the request body of " + operation + ": "
                + e.getOriginalMessage(), e);
        }
    }

    private URI url(String path, String apiVersion) {
        return URI.create(endpoint + path + "?api-version=" + apiVersion);
    }

    /** A URL ARM handed back, refused unless it points at the ARM endpoint. */
    private URI link(String value, String operation) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw ArmErrors.badLink(operation, "ARM returned a link that is not a URL");
        }
        if (!sameOrigin(uri)) {
            throw ArmErrors.badLink(operation, "refusing to follow a link to " + uri.getScheme() + "://"
                + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", outside the ARM endpoint "
                + endpoint + "; the bearer token is only sent to the ARM endpoint");
        }
        return uri;
    }

    private boolean sameOrigin(URI uri) {
        return endpoint.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
            && endpoint.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
            && port(endpoint) == port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static void pause(Duration delay, String operation) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for Azure " + operation, e);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    /** An answer and its JSON body, when it was read. */
    private record Read(ArmAnswer answer, JsonNode body) {
    }
}
