package io.cloudconnector.aws.resilience;

import io.cloudconnector.testkit.SandboxFault;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The columns of the fault matrix: what the sandbox does to the first answer (or every answer) of an operation. */
enum Fault {

    THROTTLED_ONCE("throttled once", "(?i)throttl|RequestLimitExceeded|LimitExceeded|HTTP 429|rate exceeded"),
    THROTTLED_ALWAYS("throttled until the budget ends",
        "(?i)throttl|RequestLimitExceeded|LimitExceeded|HTTP 429|rate exceeded"),
    SERVER_ERROR("HTTP 500", "HTTP 500|InternalError|InternalFailure|InternalServerError|ServiceFailure"
        + "|InternalException|status code: 500"),
    UNAVAILABLE("HTTP 503", "HTTP 503|Unavailable"),
    CONNECTION_RESET("connection reset", "(?i)connection reset|reset by peer|premature|closed"),
    EMPTY_RESPONSE("empty response", "(?i)failed to respond|NoHttpResponse|premature|closed|end of file"),
    MALFORMED_BODY("malformed body", "(?i)unmarshall|not the expected JSON|unexpected end|parse|XML"),
    SLOW_ANSWER("answer later than the attempt timeout", "(?i)time(d)? ?out|did not complete");

    /** How late a slow answer comes: well past the matrix's attempt timeout. */
    static final Duration SLOW = FaultMatrix.ATTEMPT_TIMEOUT.multipliedBy(3);

    private final String title;
    private final Pattern cause;

    Fault(String title, String cause) {
        this.title = title;
        this.cause = Pattern.compile(cause);
    }

    /** The column title. */
    String title() {
        return title;
    }

    /** Whether an exception message names this fault as its cause. */
    boolean namedIn(String message) {
        return cause.matcher(message).find();
    }

    /** The sandbox fault on {@code operation}, limited to {@code region} when there is one. */
    SandboxFault on(String operation, Optional<String> region) {
        SandboxFault.Builder builder = SandboxFault.on(operation);
        region.ifPresent(builder::inRegion);
        return switch (this) {
            case THROTTLED_ONCE -> builder.throttle();
            case THROTTLED_ALWAYS -> builder.always().throttle();
            case SERVER_ERROR -> builder.serverError();
            case UNAVAILABLE -> builder.unavailable();
            case CONNECTION_RESET -> builder.connectionReset();
            case EMPTY_RESPONSE -> builder.emptyResponse();
            case MALFORMED_BODY -> builder.malformedBody();
            case SLOW_ANSWER -> builder.delay(SLOW);
        };
    }
}
