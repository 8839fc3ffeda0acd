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
 * connector role's ARN to put into the spec, and the access key created, if one was.
 *
 * <p>Apply stops at the first failure: the actions before it are {@link ProvisioningOutcome.Status#DONE} (or
 * {@link ProvisioningOutcome.Status#ALREADY_DONE}), the failed one carries its cause, the rest are
 * {@link ProvisioningOutcome.Status#NOT_ATTEMPTED}; a new plan then shows exactly what is left.
 *
 * <p>The access key's secret is returned here once, as a {@link Secret}: it prints as {@value Secret#MASK} in
 * {@code toString()}, {@link #toText()} and {@link #toJson()}, and is never logged. Store it where it belongs (the
 * spec's authentication, a vault) before the result is dropped; AWS never returns it again.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningResult {

    /** A builder; account ID and finishing time are required. */
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

    /** The result as text: a headline with the counts, one line per action with its status, failures with cause. */
    public String toText() {
        return ProvisioningText.result(this);
    }

    /**
     * The result as a JSON object: {@code accountId}, {@code finishedAt}, {@code succeeded}, {@code summary} (count
     * per status), {@code roleArn}, {@code accessKeyId} (never the secret) and {@code outcomes[]} ({@code status},
     * {@code cause}, and the action's fields as in {@link ProvisioningPlan#toJson()}).
     */
    public String toJson() {
        return ProvisioningJson.result(this);
    }

    /** Builds a {@link ProvisioningResult}. */
    public static class Builder extends ImmutableProvisioningResult.Builder {
    }
}
