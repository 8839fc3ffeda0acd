package io.cloudconnector.aws.internal;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ThrottledException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS SDK call and translates its failure into the SDK's {@link ConnectorException} hierarchy, naming the
 * operation and region. Messages carry the service's code and message, never a credential.
 */
public final class AwsCalls {

    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "UnauthorizedAccess", "AuthFailure");

    private AwsCalls() {
    }

    /**
     * Runs {@code call}; an AWS SDK failure becomes a {@link ConnectorException}.
     *
     * @param operation the IAM action name of the call, such as {@code ec2:DescribeInstances}
     * @param region the region it runs in, or null for a global call
     */
    public static <T> T call(String operation, String region, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(e, operation, region);
        }
    }

    /** The {@link ConnectorException} that stands for {@code e}. */
    public static ConnectorException translate(SdkException e, String operation, String region) {
        String where = operation + (region == null ? "" : " in " + region);
        if (e instanceof AwsServiceException service) {
            return translateService(service, operation, region, where);
        }
        if (e instanceof SdkClientException) {
            return new CloudServiceException(where + " failed before AWS answered: " + e.getMessage(), "aws",
                operation, region, 0, null, null, true, e);
        }
        return new CloudServiceException(where + " failed: " + e.getMessage(), "aws", operation, region, 0, null,
            null, e.retryable(), e);
    }

    private static ConnectorException translateService(AwsServiceException e, String operation, String region,
        String where) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        int status = e.statusCode();
        String message = where + " failed: " + code + " (HTTP " + status + "): " + detail;
        if (e.isThrottlingException()) {
            return new ThrottledException(message, "aws", operation, region, status, code, e.requestId(), e);
        }
        if (code != null && ACCESS_DENIED_CODES.contains(code)) {
            return new AccessDeniedException(message + " (missing permission: " + operation + ")", "aws", operation,
                region, status, code, e.requestId(), operation, e);
        }
        boolean retryable = status >= 500 || e.retryable();
        return new CloudServiceException(message, "aws", operation, region, status, code, e.requestId(), retryable,
            e);
    }
}
