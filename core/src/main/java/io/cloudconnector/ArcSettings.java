package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where and how EC2 instances are onboarded to Azure Arc: the resource group and Azure region of the Arc machines,
 * the service principal the agent connects with, an optional proxy, and extra tags.
 */
@Value.Immutable
@ValueStyle
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

    /** Builds {@link ArcSettings}. */
    public static class Builder extends ImmutableArcSettings.Builder {
    }
}
