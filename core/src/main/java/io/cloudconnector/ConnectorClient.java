package io.cloudconnector;

import io.cloudconnector.internal.provisioning.ProvisioningApplier;
import io.cloudconnector.internal.provisioning.ProvisioningPlanner;
import io.cloudconnector.internal.readiness.ReadinessService;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.util.Objects;

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

    /**
     * Checks that the spec's AWS account is ready to connect: the credentials, the regions, AWS Config and Security
     * Hub in every region the spec covers, the IAM role or users, and the share of EC2 instances SSM manages. Regions
     * are checked in parallel, at most 8 at a time; a region that is not enabled for the account is reported, never
     * called.
     *
     * <p>Cloud errors do not throw: a check that could not be run (a missing permission, throttling after retries, a
     * timeout) is reported as {@link ReadinessCheck.Status#ERROR} with the cause, and every other check still runs.
     * When the credentials do not resolve to the spec's account, the report holds the credential checks alone.
     *
     * @throws NullPointerException when {@code spec} is null
     */
    public ReadinessReport checkReadiness(ConnectorSpec spec) {
        return new ReadinessService(aws).check(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Plans the preparation of the spec's AWS account with the {@linkplain ProvisioningOptions#defaults() default
     * options}; see {@link #plan(ConnectorSpec, ProvisioningOptions)}.
     *
     * @throws NullPointerException when {@code spec} is null
     */
    public ProvisioningPlan plan(ConnectorSpec spec) {
        return plan(spec, ProvisioningOptions.defaults());
    }

    /**
     * Reads the state of the spec's AWS account and returns the writes that would prepare it for the connector:
     * Security Hub and the chosen CIS standard in every region the spec covers, AWS Config recording all resource
     * types with a delivery channel (and, on request, its bucket), the connector's IAM role, and on request an IAM
     * user and access key. Writes nothing. Existing things that are wrong in a way provisioning will not touch (a
     * role trusting another principal or lacking the External ID condition, a bucket policy without AWS Config) are
     * returned as conflicts, never overwritten.
     *
     * <p>The AWS side reads (and {@link #apply(ProvisioningPlan)} writes) with its own identity, such as the AWS
     * adapter's base credentials, not with the spec's authentication, whose role or user may not exist yet. Regions
     * are read in parallel, at most 8 at a time; a fact that cannot be read is reported as a conflict and everything
     * else is still planned.
     *
     * @throws NotReadyException when the AWS side's identity belongs to another account than the spec's
     * @throws ConnectorException when that identity or the account's regions cannot be read
     * @throws UnsupportedOperationException when the AWS side cannot provision
     * @throws NullPointerException when an argument is null
     */
    public ProvisioningPlan plan(ConnectorSpec spec, ProvisioningOptions options) {
        return new ProvisioningPlanner(aws).plan(Objects.requireNonNull(spec, "spec"),
            Objects.requireNonNull(options, "options"));
    }

    /**
     * Performs the plan's actions in order, each only if the account, read again first, still needs it, and stops at
     * the first failure; a new {@link #plan(ConnectorSpec, ProvisioningOptions)} then shows what is left. Applying
     * the same plan twice writes nothing the second time. Never deletes, overwrites or weakens anything; when the
     * account changed since the plan in a way that makes an action unsafe, that action fails with the reason.
     *
     * <p>A failing write does not throw: it is reported in the result, with the actions done before it. An access
     * key created is returned once, in {@link ProvisioningResult#accessKey()}.
     *
     * @throws ConnectorException when the account's state cannot be read again before writing
     * @throws UnsupportedOperationException when the AWS side cannot provision
     * @throws NullPointerException when {@code plan} is null
     */
    public ProvisioningResult apply(ProvisioningPlan plan) {
        return new ProvisioningApplier(aws).apply(Objects.requireNonNull(plan, "plan"));
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
