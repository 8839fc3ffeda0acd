package io.cloudconnector.azure.internal;

import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ThrottledException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ARM answers and failures into the SDK's exceptions: the ARM error body {@code {"error":{"code","message"}}}
 * becomes a {@link CloudServiceException} with provider {@code azure}, status, ARM code, message and
 * {@code x-ms-request-id}; 401 and 403 become {@link AccessDeniedException} (naming the action ARM refused), 429
 * {@link ThrottledException}. Request bodies never enter a message.
 */
final class ArmErrors {

    static final String PROVIDER = "azure";

    private static final Pattern REFUSED_ACTION = Pattern.compile("perform action '([^']+)'");

    private ArmErrors() {
    }

    /** The exception for an answer with an error status. */
    static CloudServiceException of(ArmAnswer answer, String operation, ObjectMapper json) {
        JsonNode error = errorNode(answer.body(), json);
        String code = text(error, "code");
        String detail = text(error, "message");
        String requestId = answer.requestId();
        String message = "Azure " + operation + " failed: HTTP " + answer.status()
            + (code == null ? "" : " " + code) + ": " + (detail == null ? "no error detail in the answer" : detail)
            + (requestId == null ? "" : " (x-ms-request-id " + requestId + ")");
        int status = answer.status();
        if (status == 429) {
            return new ThrottledException(message, PROVIDER, operation, null, status, code, requestId, null);
        }
        if (status == 401 || status == 403) {
            return new AccessDeniedException(message, PROVIDER, operation, null, status, code, requestId,
                refusedAction(detail), null);
        }
        boolean retryable = status == 408 || status >= 500;
        return new CloudServiceException(message, PROVIDER, operation, null, status, code, requestId, retryable, null);
    }

    /** A long-running operation that ended in {@code Failed} or {@code Canceled}. */
    static CloudServiceException operationFailed(String operation, String status, JsonNode body, String requestId) {
        JsonNode error = body.path("error");
        String code = text(error, "code");
        String detail = text(error, "message");
        return new CloudServiceException("Azure " + operation + " ended " + status
            + (code == null ? "" : " with " + code) + (detail == null ? "" : ": " + detail), PROVIDER, operation, null,
            200, code, requestId, false, null);
    }

    /** A long-running operation still running at its deadline. */
    static CloudServiceException timedOut(String operation, Duration timeout) {
        return new CloudServiceException("Azure " + operation + " did not finish within " + timeout.toSeconds()
            + " s; it may still complete: read the connector's status later", PROVIDER, operation, null, 0, null, null,
            true, null);
    }

    /**
     * The credential could not produce a token: the authority refused it ({@link AccessDeniedException}), or could not
     * be reached (a retryable {@link CloudServiceException}, so a network fault is not mistaken for a bad secret).
     */
    static CloudServiceException signInFailed(String operation, ClientAuthenticationException cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return new CloudServiceException("Azure sign-in could not reach the Microsoft Entra authority before "
                    + operation + ": " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " "
                    + t.getMessage()) + ". Check the network, the proxy and the authority host", PROVIDER, operation,
                    null, 0, null, null, true, cause);
            }
        }
        return new AccessDeniedException("Azure sign-in failed before " + operation + ": " + cause.getMessage()
            + ". Check the credential (service principal, tenant and authority)", PROVIDER, operation, null,
            cause.getResponse() == null ? 0 : cause.getResponse().getStatusCode(), "AuthenticationFailed", null,
            null, cause);
    }

    /**
     * No answer arrived: retryable when the connection broke or timed out ({@link IOException} or
     * {@link TimeoutException} in the cause chain).
     */
    static CloudServiceException unreachable(String operation, URI url, RuntimeException cause) {
        boolean transport = false;
        String reason = cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                transport = true;
                reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                break;
            }
        }
        return new CloudServiceException("Azure " + operation + " got no answer from " + url.getHost() + ": "
            + reason, PROVIDER, operation, null, 0, null, null, transport, cause);
    }

    /** An answer whose body is not JSON; retryable, as a body cut short in transit reads the same. */
    static CloudServiceException malformed(String operation, ArmAnswer answer, IOException cause) {
        return new CloudServiceException("Azure " + operation + " answered HTTP " + answer.status()
            + " with a body that is not the expected JSON: " + cause.getMessage(), PROVIDER, operation,
            null, answer.status(), null, answer.requestId(), true, null);
    }

    /** A well-formed answer without {@code what} the SDK needs, such as a field. */
    static CloudServiceException incomplete(String operation, String what) {
        return new CloudServiceException("Azure " + operation + " answered without " + what, PROVIDER, operation,
            null, 200, null, null, false, null);
    }

    /** A list page without its {@code value} array: reading on would report a partial list as complete. */
    static CloudServiceException notAList(String operation, ArmAnswer answer) {
        return new CloudServiceException("Azure " + operation + " answered HTTP " + answer.status()
            + " with a list page that has no value array; stopping instead of reporting a partial list", PROVIDER,
            operation, null, answer.status(), null, answer.requestId(), false, null);
    }

    /** {@code e} with {@code attempts} (what the retries did) added to its message; same type, same details. */
    static CloudServiceException withAttempts(CloudServiceException e, String attempts) {
        String message = e.getMessage() + attempts;
        if (e instanceof ThrottledException) {
            return new ThrottledException(message, e.provider(), e.operation().orElse(null), e.region().orElse(null),
                e.statusCode(), e.errorCode().orElse(null), e.requestId().orElse(null), e.getCause());
        }
        return new CloudServiceException(message, e.provider(), e.operation().orElse(null), e.region().orElse(null),
            e.statusCode(), e.errorCode().orElse(null), e.requestId().orElse(null), e.retryable(), e.getCause());
    }

    /**
     * {@code e}, final: the failed request was not idempotent and may have taken effect, so it is not sent again.
     * Same type and details, not retryable.
     */
    static CloudServiceException mayHaveTakenEffect(CloudServiceException e) {
        String message = e.getMessage() + "; not sent again, as the request may have taken effect: read the current"
            + " state before trying again";
        return new CloudServiceException(message, e.provider(), e.operation().orElse(null), e.region().orElse(null),
            e.statusCode(), e.errorCode().orElse(null), e.requestId().orElse(null), false, e.getCause());
    }

    /** A link in an answer points somewhere the bearer token must not go, or back to itself. */
    static CloudServiceException badLink(String operation, String problem) {
        return new CloudServiceException("Azure " + operation + ": " + problem, PROVIDER, operation, null, 0, null,
            null, false, null);
    }

    /** The {@code error} object of an error body; a missing node when there is none. */
    static JsonNode errorNode(byte[] body, ObjectMapper json) {
        if (body.length == 0) {
            return json.missingNode();
        }
        try {
            JsonNode root = json.readTree(body);
            return root.has("error") ? root.get("error") : root;
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    private static String refusedAction(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher matcher = REFUSED_ACTION.matcher(detail);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** A non-blank string field; null otherwise. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
