package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Logs each attempt at DEBUG: the service (ARM or Graph), method, path, status, duration and the request ID
 * ({@code x-ms-request-id}, or Microsoft Graph's {@code request-id}). Never a header other than the request ID, never
 * the query string, never a body: request bodies and answers carry secrets.
 */
final class ArmLoggingPolicy implements HttpPipelinePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ArmLoggingPolicy.class);
    private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");
    private static final HttpHeaderName GRAPH_REQUEST_ID = HttpHeaderName.fromString("request-id");

    private final String service;

    /** A policy whose lines start with {@code service}, such as {@code ARM}. */
    ArmLoggingPolicy(String service) {
        this.service = service;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        long start = System.nanoTime();
        return next.process().doOnNext(response -> log(context.getHttpRequest(), response, start));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        long start = System.nanoTime();
        HttpResponse response = next.processSync();
        log(context.getHttpRequest(), response, start);
        return response;
    }

    private void log(HttpRequest request, HttpResponse response, long start) {
        if (LOG.isDebugEnabled()) {
            String requestId = response.getHeaderValue(REQUEST_ID);
            LOG.debug("{} {} {} -> {} in {} ms, request ID {}", service, request.getHttpMethod(),
                request.getUrl().getPath(), response.getStatusCode(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                Objects.toString(requestId != null ? requestId : response.getHeaderValue(GRAPH_REQUEST_ID), "-"));
        }
    }
}
