package io.cloudconnector;

import io.cloudconnector.internal.findings.FindingsService;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one entry point of the SDK: built from an AWS side and an Azure side, it checks readiness, manages the connector
 * resource, discovers and onboards EC2 instances, and reads findings.
 *
 * <p>Thread-safe. Calls are synchronous and return immutable results. {@link #close()} closes both sides.
 */
public final class ConnectorClient implements AutoCloseable {

    private final AwsSide aws;
    private final AzureSide azure;

    private ConnectorClient(AwsSide aws, AzureSide azure) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.azure = Objects.requireNonNull(azure, "azure");
    }

    /** A client over the given sides; it owns them and closes them with itself. */
    public static ConnectorClient of(AwsSide aws, AzureSide azure) {
        return new ConnectorClient(aws, azure);
    }

    // Security Hub findings, compliance, secure score and export (issue 6)

    /**
     * The Security Hub findings of the spec's enabled regions that match {@code query}, as a lazy stream: pages of
     * at most 100 are fetched only as the stream is consumed, and the memory held does not grow with the number of
     * findings. Close the stream (try-with-resources) to stop early.
     *
     * <p>When the account has a finding aggregator, only its home region is called for the regions it links (each
     * read is filtered on its regions, so nothing is counted twice). Findings come oldest {@code UpdatedAt} first,
     * region read after region read. Within a read, a finding is delivered once per {@code UpdatedAt}: a repeat
     * (after an expired page token, which restarts the region once from its first page) is dropped; a finding
     * updated while the stream is read can come again later in its newer version, so a consumer that keeps the last
     * one per {@link Finding#key()} keeps the newest. Malformed findings are skipped and a region that fails is
     * left out; both are logged. Use {@link #findings(ConnectorSpec, FindingQuery, FindingsListener)} to hear of
     * them.
     *
     * @throws ConnectorException when the regions cannot be listed (before the stream is returned)
     */
    public Stream<Finding> findings(ConnectorSpec spec, FindingQuery query) {
        return findings(spec, query, new FindingsListener() { });
    }

    /**
     * As {@link #findings(ConnectorSpec, FindingQuery)}, telling {@code listener} of every skipped finding and
     * failed region (a {@link FindingsTally} counts them).
     */
    public Stream<Finding> findings(ConnectorSpec spec, FindingQuery query, FindingsListener listener) {
        return new FindingsService(aws, azure).findings(spec, query, listener);
    }

    /**
     * The account's standing against every enabled CIS AWS Foundations Benchmark version: each control PASSED,
     * FAILED, NO_DATA or DISABLED, its failing resources, and the share of enabled controls passed, with the outcome
     * of each region.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public ComplianceSummary compliance(ConnectorSpec spec) {
        return new FindingsService(aws, azure).compliance(spec);
    }

    /**
     * The account's secure score from its Security Hub control findings, as Defender for Cloud computes it; see
     * {@link SecureScore} for the weights.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public SecureScore secureScore(ConnectorSpec spec) {
        return new FindingsService(aws, azure).secureScore(spec);
    }

    /**
     * Writes the control findings changed since the last run into Defender for Cloud as custom assessments, one
     * metadata entry per control and one result per resource, and moves the checkpoint after each page's writes.
     * A run that dies resumes after the last checkpoint: nothing is lost, and only the writes of the page in
     * progress when it died are repeated (with the same content). Results of EC2 instances onboarded to Azure Arc
     * go on their Arc machine; results of other AWS resources, which have no Azure resource, are kept per control
     * in one assessment on the subscription. Writes are paced to {@link ExportOptions#maxWritesPerSecond()}. A
     * region whose read, writes or checkpoint fail is reported FAILED in the result, and the others go on.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public ExportResult exportFindings(ConnectorSpec spec, ExportOptions options) {
        return new FindingsService(aws, azure).exportFindings(spec, options);
    }

    /** Closes the AWS side, then the Azure side. */
    @Override
    public void close() {
        try {
            aws.close();
        } finally {
            azure.close();
        }
    }
}
