package io.cloudconnector;

import io.cloudconnector.internal.SpecValidator;
import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.accounts.TemplateRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the connector spec of each member account of a Security Hub administrator is made: the role to assume in the
 * member (a name; the member's account ID goes into its ARN), the Azure subscription each account is connected to,
 * and what every member shares (tenant, Azure Arc settings, regions, generation, rescan interval).
 *
 * <p>A member's spec is: display name {@link #displayNamePrefix()} + account ID; subscription from
 * {@link #subscriptions()}, else {@link #defaultSubscriptionId()}; the administrator's tenant unless
 * {@link #tenantId()} is set; assume-role authentication with {@code arn:<partition>:iam::<account>:role/<roleName>},
 * the partition being the administrator's ({@code aws} when the administrator authenticates with access keys), and
 * the External ID {@link #externalId()} or, when empty, the member's subscription ID. The administrator keeps its own
 * spec. Immutable; {@link Builder#build()} checks the role name and the account IDs of the mapping.
 */
@Value.Immutable
@ValueStyle
public abstract class FleetTemplate {

    /** The display name of a member's connector by default: {@code aws-} and its account ID. */
    public static final String DEFAULT_DISPLAY_NAME_PREFIX = "aws-";

    /** A builder; only {@link #roleName()} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name of the IAM role to assume in every member, such as {@code AscConnector}; a path may precede it. */
    public abstract String roleName();

    /** The External ID every member's role requires; empty means each member's Azure subscription ID. */
    public abstract Optional<String> externalId();

    /** The Azure subscription ID of each AWS account, by account ID; accounts not named use the default. */
    public abstract Map<String, String> subscriptions();

    /** The Azure subscription of every account {@link #subscriptions()} does not name; empty means none. */
    public abstract Optional<String> defaultSubscriptionId();

    /** The Entra tenant of the members' subscriptions; empty means the administrator's. */
    public abstract Optional<String> tenantId();

    /** The Azure Arc settings every member shares; empty when members' instances are not to be onboarded. */
    public abstract Optional<ArcSettings> arc();

    /** The regions every member covers; empty means every region enabled for the member. */
    public abstract List<String> regions();

    /** The members' connector generation; {@link ConnectorGeneration#CLASSIC} by default. */
    @Value.Default
    public ConnectorGeneration generation() {
        return ConnectorGeneration.CLASSIC;
    }

    /** The members' rescan interval; {@link ConnectorSpec#DEFAULT_RESCAN_INTERVAL} (6 hours) by default. */
    @Value.Default
    public Duration rescanInterval() {
        return ConnectorSpec.DEFAULT_RESCAN_INTERVAL;
    }

    /** What a member's display name starts with, before its account ID; {@code aws-} by default. */
    @Value.Default
    public String displayNamePrefix() {
        return DEFAULT_DISPLAY_NAME_PREFIX;
    }

    /**
     * Whether members whose relationship with the administrator is not enabled ({@code Created}, {@code Invited},
     * {@code Removed}, {@code Resigned}, ...) get a spec too. Off by default: only enabled members are connected.
     */
    @Value.Default
    public boolean includeAllMembers() {
        return false;
    }

    /** The subscription of {@code accountId}: its mapping, else the default; empty when there is neither. */
    public Optional<String> subscriptionOf(String accountId) {
        return Optional.ofNullable(subscriptions().get(accountId)).or(this::defaultSubscriptionId);
    }

    @Value.Check
    protected void check() {
        TemplateRules.check(this);
    }

    /** Builds a {@link FleetTemplate}; {@link #build()} checks it. */
    public static class Builder extends ImmutableFleetTemplate.Builder {

        /**
         * Builds the template.
         *
         * @throws InvalidSpecException when the role name is missing or not an IAM role name, or a key of the
         *     subscription mapping is not a 12-digit account ID; every violation is listed
         * @throws NullPointerException when a setter was given null
         */
        @Override
        public FleetTemplate build() {
            try {
                return super.build();
            } catch (IllegalStateException e) {
                throw SpecValidator.missingAttributes(e, "template.");
            }
        }
    }
}
