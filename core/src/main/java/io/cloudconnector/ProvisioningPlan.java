package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.provisioning.ProvisioningJson;
import io.cloudconnector.internal.provisioning.ProvisioningText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@link ConnectorClient#plan(ConnectorSpec, ProvisioningOptions)}: the ordered writes that would
 * prepare the spec's AWS account for the connector (and, on request, the service principal of Azure Arc onboarding in
 * its Azure subscription), and the conflicts it will not touch. Nothing has been written.
 *
 * <p>Actions come in the order {@link ConnectorClient#apply(ProvisioningPlan)} performs them: the IAM role and its
 * policies, the IAM user, its policies and access key, the AWS Config bucket and service-linked role, then each region
 * (Security Hub, its CIS standard, the AWS Config recorder, delivery channel and recording) in the spec's order; then
 * the Azure side: the resource providers, the Arc resource group, the Entra application, its service principal and
 * client secret, and the role assignment. A plan may be narrowed before it is applied (build a copy with fewer
 * actions); only its actions are performed.
 *
 * <p>Render it with {@link #toText()} for people (like a Terraform plan) and {@link #toJson()} for tools. Immutable
 * and free of secrets: the spec it was made for is kept for {@code apply} but left out of equality and
 * {@code toString()}.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningPlan {

    /** A builder; spec, options and planning time are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The spec the plan was made for. */
    @Value.Auxiliary
    public abstract ConnectorSpec spec();

    /** The options the plan was made with. */
    @Value.Auxiliary
    public abstract ProvisioningOptions options();

    /** The AWS account ID the spec names. */
    @Value.Derived
    public String accountId() {
        return spec().awsAccountId();
    }

    /** When the account's state was read. */
    public abstract Instant plannedAt();

    /** The writes, in the order they are applied. */
    public abstract List<ProvisioningAction> actions();

    /** What the plan will not touch, to resolve by hand. */
    public abstract List<ProvisioningConflict> conflicts();

    /**
     * The ARN of the connector's role once the plan is applied: the existing role, or the one the plan creates. Empty
     * when the role is not prepared, is in conflict, or could not be read.
     */
    public abstract Optional<String> roleArn();

    /**
     * The display name of the Entra application and service principal of Arc onboarding: the options' name, else
     * {@value ProvisioningOptions#DEFAULT_SERVICE_PRINCIPAL_PREFIX} and the AWS account ID. Empty unless the plan
     * prepares the service principal ({@link ProvisioningOptions#createServicePrincipal()}).
     */
    public abstract Optional<String> servicePrincipalName();

    /**
     * The resource group of the Arc machines, from the options or else the spec's Arc settings. Empty unless the plan
     * prepares the service principal.
     */
    public abstract Optional<String> arcResourceGroup();

    /**
     * The Azure region of the Arc machines as a location name ({@code westus2}), from the options or else the spec's
     * Arc settings. Empty unless the plan prepares the service principal.
     */
    public abstract Optional<String> arcRegion();

    /** Whether there is nothing to write. Conflicts may remain: see {@link #conflicts()}. */
    public boolean isEmpty() {
        return actions().isEmpty();
    }

    /** The actions of the given kind, in plan order. */
    public List<ProvisioningAction> actions(ProvisioningAction.Kind kind) {
        return actions().stream().filter(action -> action.kind() == kind).toList();
    }

    /**
     * The plan as text: a headline with the counts, then one entry per action ({@code + create} or
     * {@code ~ change}, the resource and where, what and why) and per conflict ({@code ! conflict}, what was found
     * and how to resolve it).
     */
    public String toText() {
        return ProvisioningText.plan(this);
    }

    /**
     * The plan as a JSON object: {@code accountId}, {@code plannedAt} (ISO-8601), {@code summary} ({@code create},
     * {@code change}, {@code conflict} counts), {@code roleArn} (when known), {@code servicePrincipalName},
     * {@code arcResourceGroup} and {@code arcRegion} (when the plan prepares the service principal), {@code actions[]}
     * ({@code kind},
     * {@code operation}, {@code accountId}, {@code region}, {@code resource}, {@code description}, {@code reason},
     * {@code parameters}) and {@code conflicts[]} ({@code accountId}, {@code region}, {@code resource},
     * {@code description}, {@code resolution}); absent values are omitted.
     */
    public String toJson() {
        return ProvisioningJson.plan(this);
    }

    /** Builds a {@link ProvisioningPlan}. */
    public static class Builder extends ImmutableProvisioningPlan.Builder {
    }
}
