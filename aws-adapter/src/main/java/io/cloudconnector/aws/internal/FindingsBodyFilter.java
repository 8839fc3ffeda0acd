package io.cloudconnector.aws.internal;

import io.cloudconnector.spi.FindingsPage.RejectedFinding;
import io.cloudconnector.spi.FindingsPage.TruncatedField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Reads a successful {@code GetFindings} answer before the AWS SDK does, through {@link FindingsBody}: a finding
 * whose fields have the wrong JSON type would otherwise fail the SDK's reading of the whole page, and the region with
 * it. What is left out or cut short is written to the request's {@link Notes}, when the caller attached one under
 * {@link #NOTES}. Any other answer passes untouched. Stateless and thread-safe.
 */
final class FindingsBodyFilter implements ExecutionInterceptor {

    /** Where a request collects what its page lost; attach a fresh {@link Notes} per request. */
    static final ExecutionAttribute<Notes> NOTES = new ExecutionAttribute<>("cloud-connector.findings-notes");

    private static final String GET_FINDINGS = "GetFindings";

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
        ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !context.httpResponse().isSuccessful()
            || !GET_FINDINGS.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return body;
        }
        Notes notes = Optional.ofNullable(attributes.getAttribute(NOTES)).orElseGet(Notes::new);
        notes.clear();
        try (InputStream in = body.get()) {
            return Optional.of(new ByteArrayInputStream(FindingsBody.filter(in.readAllBytes(), notes)));
        } catch (IOException e) {
            throw SdkClientException.create("Could not read the GetFindings answer: " + e.getMessage(), e);
        }
    }

    /** What one page lost: findings left out and fields cut short. Filled by one request at a time. */
    static final class Notes {

        private final List<RejectedFinding> rejected = new ArrayList<>();
        private final List<TruncatedField> truncated = new ArrayList<>();

        synchronized void rejected(Optional<String> id, String reason) {
            rejected.add(RejectedFinding.builder().id(id).reason(reason).build());
        }

        synchronized void truncated(Optional<String> id, String field, int originalLength, int keptLength) {
            truncated.add(TruncatedField.builder().findingId(id).field(field).originalLength(originalLength)
                .keptLength(keptLength).build());
        }

        /** Forgets an earlier attempt's notes: only the answer the SDK reads counts. */
        synchronized void clear() {
            rejected.clear();
            truncated.clear();
        }

        synchronized List<RejectedFinding> rejected() {
            return List.copyOf(rejected);
        }

        synchronized List<TruncatedField> truncated() {
            return List.copyOf(truncated);
        }
    }
}
