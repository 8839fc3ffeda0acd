package io.cloudconnector.aws.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;

/**
 * Reads a successful {@code GetFindings} answer before the AWS SDK does, through {@link FindingsBody}, when the
 * request carries a {@link Capture} under {@link #PAGE}: the page is read once, into the connector's own model, and
 * a finding whose fields have the wrong JSON type is left out of it instead of failing the SDK's reading of the whole
 * page (and the region with it). The SDK is then handed the page without its findings, so that it only reads the next
 * token: nothing is parsed twice. An answer {@link FindingsBody} does not read (not JSON, {@code Findings} not an
 * array), any other operation, and a request without a capture pass untouched. Stateless and thread-safe.
 */
final class FindingsBodyFilter implements ExecutionInterceptor {

    /** Where a request receives its page; attach a fresh {@link Capture} per request. */
    static final ExecutionAttribute<Capture> PAGE = new ExecutionAttribute<>("cloud-connector.findings-page");

    private static final String GET_FINDINGS = "GetFindings";

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
        ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        Capture capture = attributes.getAttribute(PAGE);
        if (capture == null || body.isEmpty() || !context.httpResponse().isSuccessful()
            || !GET_FINDINGS.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw SdkClientException.create("Could not read the GetFindings answer: " + e.getMessage(), e);
        }
        Optional<FindingsBody.Page> page = FindingsBody.read(bytes);
        capture.page.set(page.orElse(null));
        return Optional.of(new ByteArrayInputStream(page.map(FindingsBody::emptied).orElse(bytes)));
    }

    /** The page one request's answer was read into. Each attempt replaces the one before: only the last counts. */
    static final class Capture {

        private final AtomicReference<FindingsBody.Page> page = new AtomicReference<>();

        /**
         * The page read from the answer the SDK accepted as {@code response}.
         *
         * @throws SdkClientException when the SDK accepted an answer the filter did not read
         */
        FindingsBody.Page page(GetFindingsResponse response) {
            FindingsBody.Page read = page.get();
            if (read == null) {
                throw SdkClientException.create("The GetFindings answer (" + response.findings().size()
                    + " findings) was not read by the findings filter");
            }
            return read;
        }
    }
}
