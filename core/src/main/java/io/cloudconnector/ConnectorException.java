package io.cloudconnector;

import java.util.Optional;

/**
 * The root of every exception the SDK throws. Unchecked: a host decides where to handle it.
 *
 * <p>Subtypes say what went wrong: {@link InvalidSpecException} (bad input, found before any cloud call),
 * {@link NotReadyException}, {@link AccessDeniedException}, {@link ThrottledException} and
 * {@link CloudServiceException} (a cloud answered with an error). Messages never contain a secret.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String region;

    /** An exception about no particular cloud operation. */
    public ConnectorException(String message) {
        this(message, null, null, null);
    }

    /** An exception about no particular cloud operation, with its cause. */
    public ConnectorException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /**
     * An exception about one cloud operation.
     *
     * @param operation the operation, such as {@code securityhub:GetFindings}; may be null
     * @param region the AWS region or Azure location it ran in; may be null
     */
    public ConnectorException(String message, String operation, String region, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.region = region;
    }

    /** The cloud operation that failed, such as {@code securityhub:GetFindings}, when one did. */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /** The region the failed operation ran in, when it ran in one. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Whether trying the same call again later may succeed. */
    public boolean retryable() {
        return false;
    }
}
