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
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The exchanges with one Azure endpoint (Azure Resource Manager or Microsoft Graph) over its azure-core pipeline:
 * each request sent and its whole answer read as one attempt run by {@link ArmCalls} (retries, rate limits) within
 * the policy's whole-call timeout. Links the service hands back are followed only when they point at the endpoint's
 * scheme, host and port: the pipeline's bearer token is never sent elsewhere. Thread-safe.
 */
final class EndpointCalls {

    private static final String JSON = "application/json";

    private final HttpPipeline pipeline;
    private final URI endpoint;
    private final String service;
    private final ObjectMapper json;
    private final ArmCalls calls;

    /**
     * @param endpoint the endpoint, such as {@code https://management.azure.com}; a trailing slash is dropped
     * @param service the endpoint's name in messages, such as {@code ARM}
     */
    EndpointCalls(HttpPipeline pipeline, URI endpoint, String service, ObjectMapper json, ResiliencePolicy policy) {
        this.pipeline = pipeline;
        this.endpoint = withoutTrailingSlash(endpoint);
        this.service = service;
        this.json = json;
        this.calls = new ArmCalls(policy);
    }

    /** The endpoint, without a trailing slash. */
    URI endpoint() {
        return endpoint;
    }

    /** The policy the exchanges run under. */
    ResiliencePolicy policy() {
        return calls.policy();
    }

    /**
     * One exchange: the request sent and its answer read by {@code read}, retried under the policy as a whole, so a
     * body that could not be read is asked for again.
     */
    <T> T exchange(HttpMethod method, URI url, byte[] body, String operation, Function<ArmAnswer, T> read) {
        return calls.run(operation, method, url, attempts -> {
            ArmAnswer answer = send(method, url, body, operation);
            attempts.retryAfter(answer.retryAfter());
            return read.apply(answer);
        });
    }

    /**
     * One exchange of a request that is not idempotent (a Graph POST that creates an object or a secret): retried
     * only when the answer says it was not carried out (429 or 503, honouring {@code Retry-After}). Any other failure
     * that would have been retried (no answer, another 5xx, an unreadable body) is final: the request may have taken
     * effect, and sending it again could create a second object.
     */
    <T> T exchangeOnce(HttpMethod method, URI url, byte[] body, String operation, Function<ArmAnswer, T> read) {
        return calls.run(operation, method, url, attempts -> {
            try {
                ArmAnswer answer = send(method, url, body, operation);
                attempts.retryAfter(answer.retryAfter());
                return read.apply(answer);
            } catch (CloudServiceException e) {
                boolean notCarriedOut = e.statusCode() == 429 || e.statusCode() == 503;
                throw e.retryable() && !notCarriedOut ? ArmErrors.mayHaveTakenEffect(e) : e;
            }
        });
    }

    /**
     * Every item of a list, from {@code first} on, every page read by following the link in the page's
     * {@code nextLinkField}; {@code readPage} checks an answer and reads its JSON.
     *
     * @throws io.cloudconnector.CloudServiceException when a link leaves the endpoint or points to a page already
     *     read, a page has no {@code value} array, or the list runs past the policy's page limit
     */
    List<JsonNode> list(URI first, String nextLinkField, String operation, Function<ArmAnswer, JsonNode> readPage) {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> read = new HashSet<>();
        URI page = first;
        while (page != null) {
            if (!read.add(page)) {
                throw ArmErrors.badLink(operation, nextLinkField + " points to a page already read ("
                    + page.getPath() + "); stopping instead of looping");
            }
            if (read.size() > policy().maxPages()) {
                throw ArmErrors.badLink(operation, "the list went on past " + policy().maxPages()
                    + " pages; stopping instead of looping");
            }
            JsonNode body = exchange(HttpMethod.GET, page, null, operation, answer -> {
                JsonNode parsed = readPage.apply(answer);
                if (!parsed.path("value").isArray()) {
                    throw ArmErrors.notAList(operation, answer);
                }
                return parsed;
            });
            body.get("value").forEach(items::add);
            JsonNode next = body.path(nextLinkField);
            page = next.isTextual() && !next.asText().isBlank() ? link(next.asText(), operation) : null;
        }
        return items;
    }

    /** {@code body} as JSON bytes. */
    byte[] serialize(Object body, String operation) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Cannot write the request body of " + operation + ": "
                + e.getOriginalMessage(), e);
        }
    }

    /** A URL the service handed back, refused unless it points at the endpoint. */
    URI link(String value, String operation) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw ArmErrors.badLink(operation, service + " returned a link that is not a URL");
        }
        if (!sameOrigin(uri)) {
            throw ArmErrors.badLink(operation, "refusing to follow a link to " + uri.getScheme() + "://"
                + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", outside the " + service
                + " endpoint " + endpoint + "; the bearer token is only sent to the " + service + " endpoint");
        }
        return uri;
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

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
