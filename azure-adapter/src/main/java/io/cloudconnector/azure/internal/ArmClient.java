package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

    private final EndpointCalls calls;
    private final ObjectMapper json;
    private final Duration operationTimeout;
    private final Duration pollInterval;

    /**
     * @param endpoint the ARM endpoint, such as {@code https://management.azure.com}
     * @param operationTimeout how long a long-running operation, or a provider registration, may take
     * @param pollInterval the wait between two polls when ARM sends no {@code Retry-After}
     * @param policy how each exchange is retried, paced and timed out
     */
    public ArmClient(HttpPipeline pipeline, URI endpoint, ObjectMapper json, Duration operationTimeout,
        Duration pollInterval, ResiliencePolicy policy) {
        this.calls = new EndpointCalls(pipeline, endpoint, "ARM", json, policy);
        this.json = json;
        this.operationTimeout = operationTimeout;
        this.pollInterval = pollInterval;
    }

    /** The JSON mapper of the wire models. */
    ObjectMapper json() {
        return json;
    }

    /** The resource at {@code path}; empty when ARM answers 404. */
    Optional<JsonNode> get(String path, String apiVersion, String operation) {
        return calls.exchange(HttpMethod.GET, url(path, apiVersion), null, operation, answer ->
            answer.status() == 404 ? Optional.empty() : Optional.of(parse(require(answer, operation), operation)));
    }

    /** PUTs {@code body} and returns the resource ARM answers with, after any long-running operation. */
    JsonNode put(String path, String apiVersion, Object body, String operation) {
        URI url = url(path, apiVersion);
        Read written = calls.exchange(HttpMethod.PUT, url, calls.serialize(body, operation), operation, answer -> {
            require(answer, operation);
            boolean longRunning = answer.asyncOperation().isPresent() || answer.status() == 202;
            return new Read(answer, longRunning || answer.body().length == 0 ? null : parse(answer, operation));
        });
        if (written.body() != null) {
            return written.body();
        }
        await(written.answer(), operation);
        return calls.exchange(HttpMethod.GET, url, null, operation, read -> parse(require(read, operation), operation));
    }

    /** DELETEs the resource; {@code false} when ARM says there was none (204 or 404). */
    boolean delete(String path, String apiVersion, String operation) {
        ArmAnswer answer = calls.exchange(HttpMethod.DELETE, url(path, apiVersion), null, operation, deleted ->
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
        return calls.exchange(HttpMethod.POST, url(path, apiVersion), null, operation, answer -> {
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
        return list(url(path, apiVersion), operation);
    }

    /**
     * Every item of a list narrowed by the OData {@code $filter} expression {@code filter} (sent percent-encoded),
     * every page read; see {@link #list(String, String, String)}.
     */
    List<JsonNode> list(String path, String apiVersion, String filter, String operation) {
        return list(URI.create(url(path, apiVersion) + "&$filter=" + segment(filter)), operation);
    }

    /** Waits {@code delay}; a caller's interruption ends the wait and the call. */
    static void pause(Duration delay, String operation) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for Azure " + operation, e);
        }
    }

    private List<JsonNode> list(URI first, String operation) {
        return calls.list(first, "nextLink", operation, answer -> parse(require(answer, operation), operation));
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
        URI monitor = calls.link(asyncOperation.orElseGet(location::get), operation);
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        ArmAnswer last = accepted;
        while (true) {
            pause(last.retryAfter().orElse(pollInterval), operation);
            if (System.nanoTime() - deadline > 0) {
                throw ArmErrors.timedOut(operation, operationTimeout);
            }
            Read polled = calls.exchange(HttpMethod.GET, monitor, null, operation, answer -> new Read(
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

    private URI url(String path, String apiVersion) {
        return URI.create(calls.endpoint() + path + "?api-version=" + apiVersion);
    }

    /** An answer and its JSON body, when it was read. */
    private record Read(ArmAnswer answer, JsonNode body) {
    }
}
