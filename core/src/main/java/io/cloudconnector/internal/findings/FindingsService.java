package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.SecureScore;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.util.stream.Stream;

/**
 * Security Hub findings for {@link io.cloudconnector.ConnectorClient}: the lazy findings stream, CIS compliance,
 * the secure score, and the incremental export to Defender for Cloud. Asks the sides for their ports at call time.
 */
public final class FindingsService {

    private final AwsSide aws;
    private final AzureSide azure;

    /** A service over the given sides; it neither owns nor closes them. */
    public FindingsService(AwsSide aws, AzureSide azure) {
        this.aws = aws;
        this.azure = azure;
    }

    /**
     * The findings of the spec's enabled regions that match {@code query}, fetched a page at a time as the stream is
     * consumed. Regions are listed and the aggregator asked before this returns.
     */
    public Stream<Finding> findings(ConnectorSpec spec, FindingQuery query, FindingsListener listener) {
        FindingsReader reader = reader();
        return reader.stream(spec, reader.plan(spec), query, listener);
    }

    /** The CIS AWS Foundations compliance of the spec's enabled regions. */
    public ComplianceSummary compliance(ConnectorSpec spec) {
        return new ComplianceCalculator(reader(), aws.findings()).compute(spec);
    }

    /** The secure score of the spec's enabled regions. */
    public SecureScore secureScore(ConnectorSpec spec) {
        return new ScoreCalculator(reader()).compute(spec);
    }

    /** Exports the control findings new since the last checkpoint. */
    public ExportResult exportFindings(ConnectorSpec spec, ExportOptions options) {
        return new FindingsExporter(reader(), azure.assessments(), azure::arc).export(spec, options);
    }

    private FindingsReader reader() {
        return new FindingsReader(aws.account(), aws.findings());
    }
}
