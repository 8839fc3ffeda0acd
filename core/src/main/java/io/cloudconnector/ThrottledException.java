package io.cloudconnector;

/** A cloud kept throttling a call until the SDK's retry budget for it ran out. */
public class ThrottledException extends CloudServiceException {

    private static final long serialVersionUID = 1L;

    public ThrottledException(String message, String provider, String operation, String region, int statusCode,
        String errorCode, String requestId, Throwable cause) {
        super(message, provider, operation, region, statusCode, errorCode, requestId, true, cause);
    }
}
