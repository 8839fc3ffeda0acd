package io.cloudconnector;

import java.util.Optional;

/** The credentials in use lack a permission; {@link #permission()} names it where the SDK knows which. */
public class AccessDeniedException extends CloudServiceException {

    private static final long serialVersionUID = 1L;

    private final String permission;

    /**
     * @param permission the missing permission, such as {@code securityhub:DescribeHub}, or null
     */
    public AccessDeniedException(String message, String provider, String operation, String region, int statusCode,
        String errorCode, String requestId, String permission, Throwable cause) {
        super(message, provider, operation, region, statusCode, errorCode, requestId, false, cause);
        this.permission = permission;
    }

    /** The missing permission, such as {@code securityhub:DescribeHub}. */
    public Optional<String> permission() {
        return Optional.ofNullable(permission);
    }
}
