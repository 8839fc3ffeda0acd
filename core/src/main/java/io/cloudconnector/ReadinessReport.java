package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.readiness.ReadinessJson;
import io.cloudconnector.internal.readiness.ReadinessText;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * The answer of {@link ConnectorClient#checkReadiness(ConnectorSpec)}: every check with its status, evidence and
 * remediation, the outcome of every region, and an overall {@link Verdict}.
 *
 * <p>Checks come in a fixed order: the account's (credentials, IAM, regions), then each region's in the order of the
 * regions, each region's instances last. Render the report with {@link #toText()} for people and {@link #toJson()}
 * for tools. Immutable and free of secrets.
 */
@Value.Immutable
@ValueStyle
public abstract class ReadinessReport {

    /** A builder; the verdict is derived from the checks. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS account ID the spec names. */
    public abstract String accountId();

    /** When the check ran. */
    public abstract Instant checkedAt();

    /** Every check, account checks first, then each region's. */
    public abstract List<ReadinessCheck> checks();

    /**
     * Every region the spec covers, enabled or not, in the spec's order (or AWS's, when the spec names none). Empty
     * when the credentials or the account's list of regions could not be read.
     */
    public abstract List<RegionReadiness> regions();

    /**
     * The overall verdict: {@link Verdict#NOT_READY} when any check failed or could not be run,
     * {@link Verdict#READY_WITH_WARNINGS} when any warned, {@link Verdict#READY} otherwise.
     */
    @Value.Derived
    public Verdict verdict() {
        List<ReadinessCheck.Status> statuses = checks().stream().map(ReadinessCheck::status).toList();
        if (statuses.contains(ReadinessCheck.Status.FAIL) || statuses.contains(ReadinessCheck.Status.ERROR)) {
            return Verdict.NOT_READY;
        }
        return statuses.contains(ReadinessCheck.Status.WARN) ? Verdict.READY_WITH_WARNINGS : Verdict.READY;
    }

    /** The checks with the given status, in report order. */
    public List<ReadinessCheck> checks(ReadinessCheck.Status status) {
        return checks().stream().filter(check -> check.status() == status).toList();
    }

    /**
     * The report as plain text for people: a headline with the verdict and counts, a table of the checks with the
     * remediation under each one that did not pass, and a table of the regions.
     */
    public String toText() {
        return ReadinessText.render(this);
    }

    /**
     * The report as a JSON object for tools: {@code accountId}, {@code checkedAt} (ISO-8601), {@code verdict},
     * {@code summary} (count per status), {@code regions[]} ({@code region}, {@code enabled}, {@code status},
     * {@code errors[]}) and {@code checks[]} ({@code id}, {@code name}, {@code status}, {@code scope},
     * {@code target}, {@code region}, {@code evidence}, {@code remediation}; absent values are omitted).
     */
    public String toJson() {
        return ReadinessJson.render(this);
    }

    /** The overall verdict of a readiness check. */
    public enum Verdict {
        /** Every check passed. */
        READY,
        /** Nothing failed, but some checks warned. */
        READY_WITH_WARNINGS,
        /** At least one check failed or could not be run. */
        NOT_READY
    }

    /** Builds a {@link ReadinessReport}. */
    public static class Builder extends ImmutableReadinessReport.Builder {
    }
}
