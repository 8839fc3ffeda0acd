package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/** One answer of ARM or Microsoft Graph, read whole: status, headers and body bytes. */
record ArmAnswer(int status, HttpHeaders headers, byte[] body) {

    private static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");
    private static final HttpHeaderName GRAPH_REQUEST_ID = HttpHeaderName.fromString("request-id");
    private static final HttpHeaderName ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");

    boolean success() {
        return status >= 200 && status < 300;
    }

    /** ARM's {@code x-ms-request-id}, else Microsoft Graph's {@code request-id}; null when there is neither. */
    String requestId() {
        String arm = headers.getValue(REQUEST_ID);
        return arm != null ? arm : headers.getValue(GRAPH_REQUEST_ID);
    }

    /** The {@code Azure-AsyncOperation} URL of a long-running operation. */
    Optional<String> asyncOperation() {
        return Optional.ofNullable(headers.getValue(ASYNC_OPERATION)).filter(value -> !value.isBlank());
    }

    /** The {@code Location} URL of a long-running operation. */
    Optional<String> location() {
        return Optional.ofNullable(headers.getValue(HttpHeaderName.LOCATION)).filter(value -> !value.isBlank());
    }

    /** The delay {@code Retry-After} asks for, in whole seconds as ARM sends it. */
    Optional<Duration> retryAfter() {
        String value = headers.getValue(HttpHeaderName.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
