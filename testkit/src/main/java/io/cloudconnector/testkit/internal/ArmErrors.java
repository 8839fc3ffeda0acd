package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Errors as Azure Resource Manager writes them ({@code {"error":{"code","message"}}} with {@code x-ms-request-id}), as
 * the Entra ID token endpoint does, and as Microsoft Graph does ({@code {"error":{"code","message","innerError"}}}
 * with {@code request-id}).
 */
enum ArmErrors implements ErrorStyle {

    ARM, ENTRA, GRAPH;

    @Override
    public Reply error(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        if (this == ENTRA) {
            return Reply.json(status, Json.object().put("error", code).put("error_description", message)
                .put("trace_id", requestId).put("correlation_id", requestId));
        }
        if (this == GRAPH) {
            ObjectNode body = Json.object();
            ObjectNode error = body.putObject("error").put("code", code).put("message", message);
            error.putObject("innerError").put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("request-id", requestId).put("client-request-id", requestId);
            return Reply.json(status, body).header("request-id", requestId).header("client-request-id", requestId);
        }
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return Reply.json(status, body).header("x-ms-request-id", requestId)
            .header("x-ms-correlation-request-id", requestId);
    }

    @Override
    public Reply throttle() {
        if (this == GRAPH) {
            return error(429, "TooManyRequests", "Too many requests. Retry after the time in the Retry-After "
                + "header.").header("Retry-After", "1");
        }
        if (this == ENTRA) {
            return error(429, "temporarily_unavailable", "AADSTS50196: The server terminated an operation because "
                + "it encountered a client request loop.").header("Retry-After", "1");
        }
        return error(429, "SubscriptionRequestsThrottled", "Number of requests for the subscription exceeded the "
            + "limit. Please try again after '1' seconds.").header("Retry-After", "1");
    }

    @Override
    public Reply internal() {
        if (this == GRAPH) {
            return error(500, "generalException", "An unspecified error has occurred.");
        }
        return this == ENTRA ? error(500, "server_error", "AADSTS90033: A transient error has occurred.")
            : error(500, "InternalServerError", "Encountered internal server error. Please try again.");
    }

    @Override
    public Reply unavailable() {
        if (this == GRAPH) {
            return error(503, "serviceNotAvailable", "The service is temporarily unavailable. Retry after the time in"
                + " the Retry-After header.").header("Retry-After", "1");
        }
        return this == ENTRA ? error(503, "temporarily_unavailable", "AADSTS90033: The service is unavailable.")
            : error(503, "ServiceUnavailable", "The server is currently unable to handle the request.");
    }

    @Override
    public Reply accessDenied(String operation) {
        if (this == GRAPH) {
            return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        return this == ENTRA ? error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
            : error(403, "AuthorizationFailed", "The client does not have authorization to perform action '"
                + operation + "' over the requested scope or the scope is invalid.");
    }

    @Override
    public Reply malformed() {
        return Reply.of(200, "application/json; charset=utf-8", "{\"value\": [{\"id\": \"/subscriptions/");
    }
}
