package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ThrottledException;

/**
 * Turns Microsoft Graph answers into the SDK's exceptions: the Graph error body {@code {"error":{"code","message"}}}
 * becomes a {@link CloudServiceException} with provider {@code azure}, status, Graph code, message and
 * {@code request-id}. 403 becomes an {@link AccessDeniedException} naming {@value #PERMISSION}, 401 one that points
 * at the credential, 429 a {@link ThrottledException}; 408 and 5xx are retryable. A message never quotes a request
 * body or a successful answer (they hold client secrets), nor the parser's view of a body.
 */
final class GraphErrors {

    /** The Microsoft Graph application permission provisioning needs. */
    static final String PERMISSION = "Application.ReadWrite.All";

    private GraphErrors() {
    }

    /** The exception for an answer with an error status. */
    static CloudServiceException of(ArmAnswer answer, String operation, ObjectMapper json) {
        JsonNode error = ArmErrors.errorNode(answer.body(), json);
        String code = ArmErrors.text(error, "code");
        String detail = ArmErrors.text(error, "message");
        String requestId = answer.requestId();
        int status = answer.status();
        String message = "Azure " + operation + " failed: HTTP " + status + (code == null ? "" : " " + code) + ": "
            + sentences(detail == null ? "No error detail in the answer" : detail, advice(status))
            + (requestId == null ? "" : " (request-id " + requestId + ")");
        if (status == 429) {
            return new ThrottledException(message, ArmErrors.PROVIDER, operation, null, status, code, requestId, null);
        }
        if (status == 401 || status == 403) {
            return new AccessDeniedException(message, ArmErrors.PROVIDER, operation, null, status, code, requestId,
                status == 403 ? PERMISSION : null, null);
        }
        boolean retryable = status == 408 || status >= 500;
        return new CloudServiceException(message, ArmErrors.PROVIDER, operation, null, status, code, requestId,
            retryable, null);
    }

    /** An answer whose body is not JSON; retryable, as a body cut short in transit reads the same. */
    static CloudServiceException malformed(String operation, ArmAnswer answer) {
        return new CloudServiceException("Azure " + operation + " answered HTTP " + answer.status()
            + " with a body that is not the expected JSON", ArmErrors.PROVIDER, operation, null, answer.status(), null,
            answer.requestId(), true, null);
    }

    /** What to do about an error status; empty when there is nothing to add to Graph's words. */
    private static String advice(int status) {
        if (status == 403) {
            return "The Azure identity needs the Microsoft Graph application permission " + PERMISSION
                + " (with admin consent), or the Application Administrator role in Microsoft Entra ID.";
        }
        if (status == 401) {
            return "Check the credential (service principal, tenant and authority) and the Microsoft Graph endpoint.";
        }
        return "";
    }

    private static String sentences(String first, String second) {
        if (second.isEmpty()) {
            return first;
        }
        return first + (first.endsWith(".") ? " " : ". ") + second;
    }
}
