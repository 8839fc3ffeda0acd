package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ResiliencePolicy;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Synchronous JSON calls to Microsoft Graph v1.0 over an {@link ArmPipeline} whose bearer token is for the Graph
 * endpoint: lists narrowed by an OData {@code $filter} that follow {@code @odata.nextLink}, and POSTs. Each request,
 * and the reading of its answer, is one exchange run by {@link ArmCalls} under the same {@link ResiliencePolicy} as
 * ARM's (retries honouring {@code Retry-After}, rate limits, timeouts; a POST only after 429 or 503); errors are read
 * by {@link GraphErrors}.
 *
 * <p>Every URL, including {@code @odata.nextLink}, must point at the Graph endpoint's scheme, host and port: the
 * bearer token is never sent elsewhere. A list stops with an error, never with part of the items, when a page is not
 * JSON, has no {@code value} array, links to a page already read, or the listing runs past the policy's page limit.
 * Thread-safe.
 */
public final class GraphClient {

    private static final String VERSION = "/v1.0";
    private static final String NEXT_LINK = "@odata.nextLink";

    private final EndpointCalls calls;
    private final ObjectMapper json;

    /**
     * @param endpoint the Microsoft Graph endpoint, such as {@code https://graph.microsoft.com}
     * @param policy how each exchange is retried, paced and timed out
     */
    public GraphClient(HttpPipeline pipeline, URI endpoint, ObjectMapper json, ResiliencePolicy policy) {
        this.calls = new EndpointCalls(pipeline, endpoint, "Microsoft Graph", json, policy);
        this.json = json;
    }

    /**
     * Every object of collection {@code path} (such as {@code /applications}) that the OData expression
     * {@code filter} selects, every page read.
     *
     * @throws io.cloudconnector.CloudServiceException when Graph answers with an error, or a page is unusable (see
     *     the type's description)
     */
    List<JsonNode> list(String path, String filter, String operation) {
        URI first = URI.create(calls.endpoint() + VERSION + path + "?$filter=" + ArmClient.segment(filter));
        return calls.list(first, NEXT_LINK, operation, answer -> parse(require(answer, operation), operation));
    }

    /**
     * POSTs {@code body} to {@code path} (such as {@code /applications}) and returns the answer's JSON. Sent again
     * only after 429 or 503: a POST that creates an object is not idempotent.
     */
    JsonNode post(String path, Object body, String operation) {
        URI url = URI.create(calls.endpoint() + VERSION + path);
        return calls.exchangeOnce(HttpMethod.POST, url, calls.serialize(body, operation), operation,
            answer -> parse(require(answer, operation), operation));
    }

    private ArmAnswer require(ArmAnswer answer, String operation) {
        if (!answer.success()) {
            throw GraphErrors.of(answer, operation, json);
        }
        return answer;
    }

    private JsonNode parse(ArmAnswer answer, String operation) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw GraphErrors.malformed(operation, answer);
        }
    }
}
