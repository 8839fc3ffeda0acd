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
 * Logs each ARM attempt at DEBUG: method, path, status, duration and {@code x-ms-request-id}. Never a header other
 * than the request ID, never the query string, never a body: request bodies carry secrets.
 */
final class ArmLoggingPolicy implements HttpPipelinePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ArmLoggingPolicy.class);
    private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");

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

    private static void log(HttpRequest request, HttpResponse response, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("ARM {} {} -> {} in {} ms, x-ms-request-id {}", request.getHttpMethod(),
                request.getUrl().getPath(), response.getStatusCode(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                Objects.toString(response.getHeaderValue(REQUEST_ID), "-"));
        }
    }
}
