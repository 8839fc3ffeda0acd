package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One result of {@link ConnectorClient#checkReadiness(ConnectorSpec)}: what was checked, where, what the check saw,
 * and how to fix it.
 *
 * <p>The {@link #id()} is stable and meant for tools:
 * <ul>
 *   <li>{@code credentials}, {@code credentials.assume-role}: the credentials resolve to the spec's account; the
 *       role is assumed with the spec's External ID (assume-role authentication);</li>
 *   <li>{@code regions}, {@code region.enabled}: which regions are checked; a spec region that is not enabled;</li>
 *   <li>{@code config.recorder}, {@code config.resource-types}: AWS Config records, and records every resource
 *       type;</li>
 *   <li>{@code securityhub.enabled}, {@code securityhub.findings}, {@code securityhub.cis}: Security Hub is enabled,
 *       has findings, and has a ready CIS AWS Foundations Benchmark subscription;</li>
 *   <li>{@code iam.role.trust}, {@code iam.role.external-id}, {@code iam.role.policies}: the role trusts Microsoft's
 *       account, requires the External ID, and has the required managed policies;</li>
 *   <li>{@code iam.user.policies}, {@code iam.onboarding-user.policies}: the IAM user behind the access keys, and the
 *       Arc onboarding user, have the required managed policies;</li>
 *   <li>{@code ssm.coverage}, {@code ssm.instance}: the share of running EC2 instances managed by SSM; one running
 *       instance that is not.</li>
 * </ul>
 *
 * <p>Immutable; {@link #remediation()} and {@link #evidence()} never contain a secret.
 */
@Value.Immutable
@ValueStyle
public abstract class ReadinessCheck {

    /** A builder; every value but {@link #region()} and {@link #remediation()} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stable identifier of what was checked, such as {@code securityhub.enabled}. */
    public abstract String id();

    /** What was checked, in words, such as {@code Security Hub enabled}. */
    public abstract String name();

    /** How the check came out. */
    public abstract Status status();

    /** Whether the check is about the whole account, one region or one EC2 instance. */
    public abstract Scope scope();

    /** What the check is about: the AWS account ID, the region, or the EC2 instance ID, following {@link #scope()}. */
    public abstract String target();

    /** The region of a {@link Scope#REGION} or {@link Scope#INSTANCE} check; empty for an account check. */
    public abstract Optional<String> region();

    /** What the check saw: the state AWS reported, or the error that kept it from being checked. */
    public abstract String evidence();

    /**
     * What a person can do about it: a console path or an AWS CLI command, one step per line. Empty when the check
     * passed.
     */
    public abstract Optional<String> remediation();

    @Value.Check
    protected void check() {
        if (scope() != Scope.ACCOUNT && region().isEmpty()) {
            throw new IllegalStateException("A " + scope() + " check needs its region: " + id() + " on " + target());
        }
    }

    /** How a check came out. */
    public enum Status {
        /** The prerequisite is met. */
        PASS,
        /** The connector works, but less well than it could; the remediation says how to improve it. */
        WARN,
        /** The prerequisite is not met; the connector will not work as expected until it is fixed. */
        FAIL,
        /** The check could not be run, for example because a permission was missing; the evidence says why. */
        ERROR
    }

    /** What a check is about. */
    public enum Scope {
        /** The whole AWS account, including its global IAM settings. */
        ACCOUNT,
        /** One region of the account. */
        REGION,
        /** One EC2 instance. */
        INSTANCE
    }

    /** Builds a {@link ReadinessCheck}. */
    public static class Builder extends ImmutableReadinessCheck.Builder {
    }
}
