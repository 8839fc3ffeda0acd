package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.provisioning.ProvisioningJson;
import io.cloudconnector.internal.provisioning.ProvisioningText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@link ConnectorClient#apply(ProvisioningPlan)}: what became of each action, in plan order, the
 * connector role's ARN to put into the spec, the access key created, if one was, and the service principal of Azure
 * Arc onboarding with its client secret, if one was created.
 *
 * <p>Apply stops at the first failure: the actions before it are {@link ProvisioningOutcome.Status#DONE} (or
 * {@link ProvisioningOutcome.Status#ALREADY_DONE}), the failed one carries its cause, the rest are
 * {@link ProvisioningOutcome.Status#NOT_ATTEMPTED}; a new plan then shows exactly what is left.
 *
 * <p>The access key's secret and the client secret are returned here once, as {@link Secret}s: they print as
 * {@value Secret#MASK} in {@code toString()}, {@link #toText()} and {@link #toJson()}, and are never logged. Store
 * them where they belong (the spec, a vault) before the result is dropped; AWS and Microsoft Entra ID never return
 * them again.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningResult {

    /**
     * A builder; account ID and finishing time are required, and a service principal needs the Arc resource group and
     * region ({@code build()} throws {@link IllegalArgumentException} otherwise).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS account ID. */
    public abstract String accountId();

    /** When apply finished. */
    public abstract Instant finishedAt();

    /** One outcome per action of the plan, in plan order. */
    public abstract List<ProvisioningOutcome> outcomes();

    /**
     * The connector role's ARN when the role is ready after apply (it existed, or was created with its policies);
     * put it into the spec with {@link #withProvisionedRole(ConnectorSpec)}.
     */
    public abstract Optional<String> roleArn();

    /** The access key created for the IAM user, when one was; its secret is here once and prints masked. */
    @Value.Redacted
    public abstract Optional<AwsAuthentication.AccessKeys> accessKey();

    /**
     * The service principal of Arc onboarding with the client secret apply created, when it created one; its secret
     * is here once and prints masked. Put it into the spec with
     * {@link #withProvisionedServicePrincipal(ConnectorSpec)}.
     */
    public abstract Optional<ServicePrincipalCredentials> servicePrincipal();

    /** The resource group of the Arc machines the plan prepared; empty unless it prepared the service principal. */
    public abstract Optional<String> arcResourceGroup();

    /**
     * The Azure region (location name) of the Arc machines the plan prepared; empty unless it prepared the service
     * principal.
     */
    public abstract Optional<String> arcRegion();

    /** Whether every action is done or was already done. */
    @Value.Derived
    public boolean succeeded() {
        return outcomes().stream().allMatch(outcome -> outcome.status() == ProvisioningOutcome.Status.DONE
            || outcome.status() == ProvisioningOutcome.Status.ALREADY_DONE);
    }

    /** The outcomes with the given status, in plan order. */
    public List<ProvisioningOutcome> outcomes(ProvisioningOutcome.Status status) {
        return outcomes().stream().filter(outcome -> outcome.status() == status).toList();
    }

    /** The action apply stopped at, with its cause; empty when none failed. */
    public Optional<ProvisioningOutcome> failure() {
        return outcomes(ProvisioningOutcome.Status.FAILED).stream().findFirst();
    }

    /**
     * {@code spec} with assume-role authentication for {@link #roleArn()}, keeping the spec's explicit External ID
     * if it had one (the role trusts that one), else the Azure subscription ID.
     *
     * @throws IllegalStateException when no role ARN is known: the role was not prepared, or not finished
     */
    public ConnectorSpec withProvisionedRole(ConnectorSpec spec) {
        String arn = roleArn().orElseThrow(() -> new IllegalStateException(
            "No connector role is ready in account " + accountId() + ": it was not prepared, or apply stopped first"));
        Optional<String> explicit = spec.authentication() instanceof AwsAuthentication.AssumeRole role
            ? role.externalId() : Optional.empty();
        AwsAuthentication authentication = explicit.<AwsAuthentication>map(id -> AwsAuthentication.assumeRole(arn, id))
            .orElseGet(() -> AwsAuthentication.assumeRole(arn));
        return ConnectorSpec.builder().from(spec).authentication(authentication).build();
    }

    /**
     * {@code spec} with Arc settings for the service principal created: {@link #arcResourceGroup()},
     * {@link #arcRegion()}, the client ID and the client secret, keeping the spec's other Arc settings (auto-provision,
     * proxy, tags) when it had some.
     *
     * <p>When apply stopped after creating the secret, the service principal may still lack its role on the resource
     * group: {@link #succeeded()} says whether everything was done; a new plan shows what is left.
     *
     * @throws IllegalStateException when no client secret was created: the service principal was not prepared, apply
     *     stopped before the secret, or the application already had an unexpired secret (never a second one)
     */
    public ConnectorSpec withProvisionedServicePrincipal(ConnectorSpec spec) {
        ServicePrincipalCredentials credentials = servicePrincipal().orElseThrow(() -> new IllegalStateException(
            "No client secret was created for the Arc onboarding service principal of account " + accountId()
                + ": it was not prepared (ProvisioningOptions.createServicePrincipal), apply stopped before the "
                + "secret, or the application already had an unexpired secret, which provisioning cannot read and "
                + "never adds a second one to; add a secret by hand (Entra admin center > App registrations > "
                + "Certificates & secrets) and set ArcSettings yourself"));
        ArcSettings.Builder arc = ArcSettings.builder();
        spec.arc().ifPresent(arc::from);
        arc.resourceGroup(arcResourceGroup().orElseThrow()).azureRegion(arcRegion().orElseThrow())
            .servicePrincipalId(credentials.clientId()).servicePrincipalSecret(credentials.secret());
        return ConnectorSpec.builder().from(spec).arc(arc.build()).build();
    }

    /** The result as text: a headline with the counts, one line per action with its status, failures with cause. */
    public String toText() {
        return ProvisioningText.result(this);
    }

    /**
     * The result as a JSON object: {@code accountId}, {@code finishedAt}, {@code succeeded}, {@code summary} (count
     * per status), {@code roleArn}, {@code accessKeyId} (never the secret), {@code arcResourceGroup},
     * {@code arcRegion}, {@code servicePrincipal} ({@code clientId}, {@code objectId}, {@code expiresAt}; never the
     * secret) and {@code outcomes[]} ({@code status},
     * {@code cause}, and the action's fields as in {@link ProvisioningPlan#toJson()}).
     */
    public String toJson() {
        return ProvisioningJson.result(this);
    }

    @Value.Check
    protected void check() {
        if (servicePrincipal().isPresent() && (arcResourceGroup().isEmpty() || arcRegion().isEmpty())) {
            throw new IllegalArgumentException("servicePrincipal: needs arcResourceGroup and arcRegion, the resource "
                + "group and Azure region it was prepared for");
        }
    }

    /** Builds a {@link ProvisioningResult}. */
    public static class Builder extends ImmutableProvisioningResult.Builder {
    }
}
