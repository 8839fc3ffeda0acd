package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which Security Hub findings to read. Each set is matched with exact (EQUALS) comparisons, its values ORed; the
 * criteria are ANDed; an empty set matches everything. Security Hub applies the criteria, so they cost no transfer.
 *
 * <p>By default only ACTIVE findings are read; name both record states to read archived ones too. Security Hub
 * accepts at most {@value #MAX_VALUES} values per criterion; {@link Builder#build()} throws
 * {@link IllegalArgumentException} beyond that.
 */
@Value.Immutable
@ValueStyle
public abstract class FindingQuery {

    /** The most values Security Hub accepts in one filter criterion. */
    public static final int MAX_VALUES = 20;

    /** A builder: every finding that is ACTIVE, until criteria are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every ACTIVE finding. */
    public static FindingQuery activeFindings() {
        return builder().build();
    }

    /** The lowest severity to read; empty reads every severity. */
    public abstract Optional<SeverityLabel> minimumSeverity();

    /** The control results to read; empty reads findings with any result and findings without one. */
    public abstract Set<ComplianceStatus> complianceStatuses();

    /** The record states to read: {@code ACTIVE} by default; an empty set reads every state. */
    @Value.Default
    public Set<RecordState> recordStates() {
        return Set.of(RecordState.ACTIVE);
    }

    /** The workflow statuses to read; empty reads every status. */
    public abstract Set<WorkflowStatus> workflowStatuses();

    /** The ASFF resource types to read, such as {@code AwsEc2Instance}; empty reads every type. */
    public abstract Set<String> resourceTypes();

    /** The product names to read, such as {@code Security Hub} or {@code GuardDuty}; empty reads every product. */
    public abstract Set<String> productNames();

    /**
     * The standards whose control findings to read, by the ID findings carry in
     * {@code Compliance.AssociatedStandards}, such as {@code standards/cis-aws-foundations-benchmark/v/1.4.0};
     * empty reads findings of every standard and findings of none.
     */
    public abstract Set<String> associatedStandards();

    /** Read only findings updated at or after this instant; empty reads findings of any age. */
    public abstract Optional<Instant> updatedSince();

    /** The labels the minimum severity stands for, from the minimum up to CRITICAL; empty without a minimum. */
    public List<SeverityLabel> severityLabels() {
        List<SeverityLabel> labels = new ArrayList<>();
        minimumSeverity().ifPresent(minimum -> Arrays.stream(SeverityLabel.values())
            .filter(label -> label.isAtLeast(minimum))
            .forEach(labels::add));
        return labels;
    }

    @Value.Check
    protected void check() {
        Map<String, Set<?>> criteria = Map.of(
            "complianceStatuses", complianceStatuses(), "recordStates", recordStates(),
            "workflowStatuses", workflowStatuses(), "resourceTypes", resourceTypes(),
            "productNames", productNames(), "associatedStandards", associatedStandards());
        criteria.forEach((name, values) -> {
            if (values.size() > MAX_VALUES) {
                throw new IllegalArgumentException("A finding query takes at most " + MAX_VALUES + " " + name
                    + ", was given " + values.size());
            }
        });
    }

    /** Builds a {@link FindingQuery}. */
    public static class Builder extends ImmutableFindingQuery.Builder {
    }
}
