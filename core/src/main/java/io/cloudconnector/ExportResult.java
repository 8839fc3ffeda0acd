package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/** What one run of {@link ConnectorClient#exportFindings} did, region by region. */
@Value.Immutable
@ValueStyle
public abstract class ExportResult {

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Control findings read that were new since the last checkpoint. */
    public abstract int findingsExported();

    /** Findings skipped: malformed, or a control result whose control could not be told. */
    public abstract int findingsSkipped();

    /** Assessment metadata entries written (one per control met in this run). */
    public abstract int metadataWritten();

    /** Assessments written. */
    public abstract int assessmentsWritten();

    /** Pages whose writes completed and whose checkpoint was saved. */
    public abstract int pagesCommitted();

    /** What happened in each region of the spec. */
    public abstract List<RegionResult> regions();

    /** Whether every region was exported up to its newest finding. */
    public boolean complete() {
        return regions().stream().allMatch(region -> region.status() != RegionResult.Status.FAILED);
    }

    /** Builds an {@link ExportResult}. */
    public static class Builder extends ImmutableExportResult.Builder {
    }
}
