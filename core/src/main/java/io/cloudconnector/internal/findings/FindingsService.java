package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.SecureScore;
import io.cloudconnector.internal.RegionFanOut;
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
    private final int parallelism;

    /** A service over the given sides, reading {@link RegionFanOut#DEFAULT_PARALLELISM} regions at once. */
    public FindingsService(AwsSide aws, AzureSide azure) {
        this(aws, azure, RegionFanOut.DEFAULT_PARALLELISM);
    }

    /**
     * A service over the given sides; it neither owns nor closes them.
     *
     * @param parallelism how many regions are read at once; 1 reads them one after the other
     */
    public FindingsService(AwsSide aws, AzureSide azure, int parallelism) {
        this.aws = aws;
        this.azure = azure;
        this.parallelism = parallelism;
    }

    /**
     * The findings of the spec's enabled regions that match {@code query}, fetched a page at a time as the stream is
     * consumed, several regions side by side. Regions are listed and the aggregator asked before this returns.
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
        return new FindingsReader(aws.account(), aws.findings(), parallelism);
    }
}
