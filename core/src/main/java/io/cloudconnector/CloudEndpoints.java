package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the SDK's AWS and Azure sides send their calls, when not to the public clouds: an AWS endpoint (one for every
 * service and region; the region travels in the request signature), an Azure Resource Manager endpoint, a Microsoft
 * Entra authority, a trust store for endpoints with a private certificate, and the base credentials to use there.
 *
 * <p>Everything is optional: an empty value means the public cloud's default and the SDKs' default credential chains.
 * The local sandbox in {@code connector-testkit} hands one out; sovereign clouds and proxies use the same type.
 */
@Value.Immutable
@ValueStyle
public abstract class CloudEndpoints {

    /** A builder with every value empty: the public clouds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The public clouds and the default credential chains. */
    public static CloudEndpoints publicCloud() {
        return builder().build();
    }

    /** One endpoint for every AWS service and region, such as {@code http://127.0.0.1:4566}. */
    public abstract Optional<URI> aws();

    /** The Azure Resource Manager endpoint; {@code https://management.azure.com} when empty. */
    public abstract Optional<URI> arm();

    /** The Microsoft Graph endpoint; {@code https://graph.microsoft.com} when empty. */
    public abstract Optional<URI> graph();

    /** The Microsoft Entra authority host; {@code https://login.microsoftonline.com} when empty. */
    public abstract Optional<URI> authority();

    /** A PKCS#12 trust store holding the certificates of endpoints with a private certificate. */
    public abstract Optional<Path> trustStore();

    /** The trust store's password. */
    @Value.Redacted
    public abstract Optional<Secret> trustStorePassword();

    /**
     * Base AWS credentials: used as they are for API calls, and to assume the spec's role for assume-role specs.
     * Empty means the AWS SDK's default credential provider chain.
     */
    @Value.Redacted
    public abstract Optional<AwsAuthentication.AccessKeys> awsCredentials();

    /** The Entra application (client) ID of an Azure service principal; empty means the default Azure credential. */
    public abstract Optional<String> azureClientId();

    /** The Entra tenant of {@link #azureClientId()}. */
    public abstract Optional<String> azureTenantId();

    /** The client secret of {@link #azureClientId()}. */
    @Value.Redacted
    public abstract Optional<Secret> azureClientSecret();

    /** Builds {@link CloudEndpoints}. */
    public static class Builder extends ImmutableCloudEndpoints.Builder {
    }
}
