package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something a {@link ProvisioningPlan} will not touch, for a person to resolve by hand: an existing role whose trust
 * policy lacks the External ID condition or trusts another principal, a bucket policy without AWS Config's access, a
 * region that is not enabled, several Microsoft Entra applications with the service principal's name, a fact that
 * could not be read. Provisioning never overwrites, deletes or weakens
 * anything, so these stay until someone resolves them; the next plan reports them again. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningConflict {

    /** A builder; every value but {@link #region()} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ID of the AWS account the plan prepares; the Azure side's conflicts carry it too. */
    public abstract String accountId();

    /** The AWS region; empty for IAM and other account-wide resources, and on the Azure side. */
    public abstract Optional<String> region();

    /** The resource in conflict, such as {@code iam/role/AscConnector}, named as in {@link ProvisioningAction}. */
    public abstract String resource();

    /** What was found, and what provisioning therefore leaves undone. */
    public abstract String description();

    /** How to resolve it by hand: a console path or a CLI command, one step per line. */
    public abstract String resolution();

    /** Builds a {@link ProvisioningConflict}. */
    public static class Builder extends ImmutableProvisioningConflict.Builder {
    }
}
