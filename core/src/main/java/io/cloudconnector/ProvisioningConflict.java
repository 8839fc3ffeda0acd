package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something a {@link ProvisioningPlan} will not touch, for a person to resolve by hand: an existing role whose trust
 * policy lacks the External ID condition or trusts another principal, a bucket policy without AWS Config's access, a
 * region that is not enabled, a fact that could not be read. Provisioning never overwrites, deletes or weakens
 * anything, so these stay until someone resolves them; the next plan reports them again. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningConflict {

    /** A builder; every value but {@link #region()} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS account ID. */
    public abstract String accountId();

    /** The region; empty for IAM and other account-wide resources. */
    public abstract Optional<String> region();

    /** The resource in conflict, such as {@code iam/role/AscConnector}, named as in {@link ProvisioningAction}. */
    public abstract String resource();

    /** What was found, and what provisioning therefore leaves undone. */
    public abstract String description();

    /** How to resolve it by hand: a console path or an AWS CLI command, one step per line. */
    public abstract String resolution();

    /** Builds a {@link ProvisioningConflict}. */
    public static class Builder extends ImmutableProvisioningConflict.Builder {
    }
}
