package io.cloudconnector.aws.internal;

import io.cloudconnector.CloudServiceException;
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
 * Takes a successful {@code GetFindings} answer before the AWS SDK reads it, when the request carries a
 * {@link Capture} under {@link #PAGE}: the answer is scanned for its next token ({@link FindingsBody#scan}) and kept
 * as an {@link Answer}, whose findings are read later, once, into the connector's own model (a finding whose fields
 * have the wrong JSON type is left out instead of failing the whole page, and the region with it). The SDK is handed
 * the page without its findings, so that it only reads the next token: nothing is parsed twice. An answer the scan
 * rejects (not JSON, {@code Findings} not an array), any other operation, and a request without a capture pass
 * untouched, for the SDK to fail or read. Stateless and thread-safe.
 */
final class FindingsBodyFilter implements ExecutionInterceptor {

    /** Where a request receives its page; attach a fresh {@link Capture} per request. */
    static final ExecutionAttribute<Capture> PAGE = new ExecutionAttribute<>("cloud-connector.findings-page");

    private static final String GET_FINDINGS = "GetFindings";
    private static final String GET_FINDINGS_CALL = "securityhub:GetFindings";

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
        Optional<FindingsBody.Scan> scan = FindingsBody.scan(bytes);
        capture.answer.set(scan.map(found -> new Answer(bytes, found.nextToken())).orElse(null));
        return Optional.of(new ByteArrayInputStream(scan.map(found -> FindingsBody.emptied(found.nextToken()))
            .orElse(bytes)));
    }

    /** The answer one request received. Each attempt replaces the one before: only the last counts. */
    static final class Capture {

        private final AtomicReference<Answer> answer = new AtomicReference<>();

        /**
         * The answer the SDK accepted as {@code response}.
         *
         * @throws SdkClientException when the SDK accepted an answer the filter did not scan
         */
        Answer answer(GetFindingsResponse response) {
            Answer scanned = answer.get();
            if (scanned == null) {
                throw SdkClientException.create("The GetFindings answer (" + response.findings().size()
                    + " findings) was not read by the findings filter");
            }
            return scanned;
        }
    }

    /** A {@code GetFindings} answer whose next token is known and whose findings are not read yet. */
    record Answer(byte[] body, Optional<String> nextToken) {

        /**
         * The page, read now through {@link FindingsBody}.
         *
         * @throws CloudServiceException in the unlikely case that the body passed the scan and still cannot be read
         *     (the scan does not decode the findings' strings, so a string over {@value FindingsBody#MAX_STRING}
         *     characters passes it); the call is over, so this is not retried as a failed call would be
         */
        FindingsBody.Page read(String region) {
            return FindingsBody.read(body).filter(page -> page.nextToken().equals(nextToken))
                .orElseThrow(() -> new CloudServiceException(GET_FINDINGS_CALL + " in " + region
                    + " answered a page that could not be read as JSON findings", "aws", GET_FINDINGS_CALL, region,
                    0, null, null, false, null));
        }
    }
}
