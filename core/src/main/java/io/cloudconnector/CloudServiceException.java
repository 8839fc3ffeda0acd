package io.cloudconnector;

import java.util.Optional;

/**
 * A cloud service answered with an error, or could not be reached.
 *
 * <p>Carries the provider ({@code aws} or {@code azure}), the HTTP status (0 when no answer arrived), the service's
 * error code and request ID when it sent them, and whether a retry may succeed.
 */
public class CloudServiceException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int statusCode;
    private final String errorCode;
    private final String requestId;
    private final boolean retryable;

    /**
     * @param provider {@code aws} or {@code azure}
     * @param operation the operation, such as {@code ec2:DescribeInstances}
     * @param region the region, or null for a global call
     * @param statusCode the HTTP status, 0 when no answer arrived
     * @param errorCode the service's error code, or null
     * @param requestId the service's request ID, or null
     * @param retryable whether a retry may succeed
     */
    public CloudServiceException(String message, String provider, String operation, String region, int statusCode,
        String errorCode, String requestId, boolean retryable, Throwable cause) {
        super(message, operation, region, cause);
        this.provider = provider;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /** {@code aws} or {@code azure}. */
    public String provider() {
        return provider;
    }

    /** The HTTP status of the answer, or 0 when none arrived. */
    public int statusCode() {
        return statusCode;
    }

    /** The service's error code, such as {@code InvalidAccessException} or {@code AuthorizationFailed}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The service's request ID, for a support case. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
