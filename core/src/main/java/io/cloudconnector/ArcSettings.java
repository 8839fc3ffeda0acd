package io.cloudconnector;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudconnector.internal.AzureRegions;
import io.cloudconnector.internal.SpecValidator;
import io.cloudconnector.internal.ValueStyle;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where and how EC2 instances are onboarded to Azure Arc: the resource group and Azure region of the Arc machines,
 * the service principal the agent connects with, an optional proxy, and extra tags.
 *
 * <p>The settings are checked as part of the {@link ConnectorSpec} that holds them, so that every broken rule of a
 * spec is reported at once; {@link Builder#build()} checks only that the required values are set.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableArcSettings.class)
@JsonDeserialize(as = ImmutableArcSettings.class)
public abstract class ArcSettings {

    /** A builder; {@code autoProvision} defaults to on. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether Defender for Cloud (and {@code onboard}) installs the Arc agent on eligible instances. Default on. */
    @Value.Default
    public boolean autoProvision() {
        return true;
    }

    /** The resource group the Arc machines are created in. */
    public abstract String resourceGroup();

    /** The Azure region (location name, such as {@code westus2}) of the Arc machines; display names are normalised. */
    public abstract String azureRegion();

    /** The application (client) ID of the service principal that onboards machines. */
    public abstract String servicePrincipalId();

    /** The service principal's client secret; prints as {@value Secret#MASK}. */
    @Value.Redacted
    public abstract Secret servicePrincipalSecret();

    /** An HTTP proxy, {@code http://host:port}, for the agent download and its connection to Azure. */
    public abstract Optional<URI> proxy();

    /** Tags added to every Arc machine, besides AccountId, InstanceId, Region and the connector's display name. */
    public abstract Map<String, String> tags();

    /** These settings with the Azure region as a location name: {@code West US 2} becomes {@code westus2}. */
    ArcSettings normalised() {
        String locationName = AzureRegions.locationName(azureRegion()).orElse(azureRegion());
        if (locationName.equals(azureRegion())) {
            return this;
        }
        return builder().from(this).azureRegion(locationName).build();
    }

    /** The settings with the secret masked, and any user name or password of the proxy URL masked too. */
    @Override
    public String toString() {
        return "ArcSettings{autoProvision=" + autoProvision() + ", resourceGroup=" + resourceGroup()
            + ", azureRegion=" + azureRegion() + ", servicePrincipalId=" + servicePrincipalId()
            + ", servicePrincipalSecret=" + Secret.MASK
            + ", proxy=" + proxy().map(ArcSettings::withoutUserInfo).orElse("none") + ", tags=" + tags() + "}";
    }

    private static String withoutUserInfo(URI proxy) {
        return proxy.getRawUserInfo() == null ? proxy.toString()
            : proxy.toString().replace(proxy.getRawUserInfo() + "@", Secret.MASK + "@");
    }

    /** Builds {@link ArcSettings}. */
    public static class Builder extends ImmutableArcSettings.Builder {

        /**
         * Builds the settings.
         *
         * @throws InvalidSpecException when a required field is not set (resourceGroup, azureRegion,
         *     servicePrincipalId, servicePrincipalSecret), each named as {@code arc.<field>}
         * @throws NullPointerException when a setter was given null
         */
        @Override
        public ArcSettings build() {
            try {
                return super.build();
            } catch (IllegalStateException e) {
                throw SpecValidator.missingAttributes(e, "arc.");
            }
        }
    }
}
