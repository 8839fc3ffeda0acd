package io.cloudconnector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudconnector.internal.SpecValidator;
import io.cloudconnector.internal.ValueStyle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One AWS account wired to one Azure subscription: what the connector is called, how it authenticates to AWS, which
 * regions it covers, and how EC2 instances are onboarded to Azure Arc.
 *
 * <p>Immutable and validated when built: {@link Builder#build()} throws {@link InvalidSpecException} listing every
 * broken rule at once, before any cloud call. Secrets print as {@value Secret#MASK}. The Azure region of the Arc
 * settings is normalised to its location name when the spec is built: {@code West US 2} becomes {@code westus2}.
 *
 * <p>{@link SpecJson} writes a spec to JSON and reads it back.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableConnectorSpec.class)
@JsonDeserialize(as = ImmutableConnectorSpec.class)
public abstract class ConnectorSpec {

    /** The default interval between two EC2 rescans: 6 hours, as Defender for Cloud does. */
    public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofHours(6);

    /** A builder; regions default to every enabled region, the rescan interval to 6 hours. */
    public static Builder builder() {
        return new Builder();
    }

    /** The connector's display name; also its Azure resource name unless {@link #connectorName()} is set. */
    public abstract String displayName();

    /** The Azure resource name of the connector; defaults to the display name. */
    @Value.Default
    public String connectorName() {
        return displayName();
    }

    /** The Azure subscription ID (a GUID) the connector lives in. */
    public abstract String subscriptionId();

    /** The Azure AD (Entra ID) tenant ID (a GUID). */
    public abstract String tenantId();

    /** The AWS account ID: exactly 12 digits, kept as a string because leading zeros matter. */
    public abstract String awsAccountId();

    /** How the connector, and this SDK, authenticate to AWS. */
    public abstract AwsAuthentication authentication();

    /** The AWS regions to cover; empty means every region enabled for the account. */
    public abstract List<String> regions();

    /** Azure Arc onboarding settings; empty when EC2 instances are not to be onboarded. */
    public abstract Optional<ArcSettings> arc();

    /** The IAM user whose policies the readiness check inspects for Arc onboarding, when there is one. */
    public abstract Optional<String> onboardingUserName();

    /** How often EC2 instances are rescanned, 1 to 24 hours; 6 hours by default. */
    @Value.Default
    public Duration rescanInterval() {
        return DEFAULT_RESCAN_INTERVAL;
    }

    /** Which Azure resource represents the connector; {@link ConnectorGeneration#CLASSIC} by default. */
    @Value.Default
    public ConnectorGeneration generation() {
        return ConnectorGeneration.CLASSIC;
    }

    /**
     * The External ID used when assuming the role: the one given with the authentication, else the subscription ID.
     * Empty for access-key authentication.
     */
    @Value.Derived
    @Value.Auxiliary
    @JsonIgnore
    public Optional<String> externalId() {
        if (authentication() instanceof AwsAuthentication.AssumeRole role) {
            return Optional.of(role.externalId().orElse(subscriptionId()));
        }
        return Optional.empty();
    }

    /**
     * Checks every rule and returns the spec with its Azure region as a location name.
     *
     * @throws InvalidSpecException listing every broken rule
     */
    @Value.Check
    protected ConnectorSpec validate() {
        SpecValidator.validate(this);
        if (arc().isPresent()) {
            ArcSettings arc = arc().get();
            ArcSettings normalised = arc.normalised();
            if (normalised != arc) {
                return builder().from(this).arc(normalised).build();
            }
        }
        return this;
    }

    /** Builds a {@link ConnectorSpec}; {@link #build()} validates. */
    public static class Builder extends ImmutableConnectorSpec.Builder {

        /**
         * Builds the spec.
         *
         * @throws InvalidSpecException when a required field is not set (displayName, subscriptionId, tenantId,
         *     awsAccountId, authentication), or when the spec breaks a rule; every violation is listed
         * @throws NullPointerException when a setter was given null
         */
        @Override
        public ConnectorSpec build() {
            try {
                return super.build();
            } catch (IllegalStateException e) {
                throw SpecValidator.missingAttributes(e, "");
            }
        }
    }
}
