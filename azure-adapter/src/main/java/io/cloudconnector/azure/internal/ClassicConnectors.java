package io.cloudconnector.azure.internal;

import static io.cloudconnector.azure.internal.ArmJson.present;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.azure.internal.ClassicConnectorJson.AuthenticationDetails;
import io.cloudconnector.azure.internal.ClassicConnectorJson.HybridComputeSettings;
import io.cloudconnector.azure.internal.ClassicConnectorJson.ProxyServer;
import io.cloudconnector.azure.internal.ClassicConnectorJson.ServicePrincipal;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps {@link ConnectorResource} to and from the classic connector's wire model.
 *
 * <p>{@code region} is written as the resource carries it; core sends the spec's Azure location name (such as
 * {@code westus2}), the form ARM and {@code azcmagent --location} use, although the published example shows the
 * display name {@code West US 2}. The proxy URI becomes {@code proxyServer {ip: host, port: "port"}}, the port being
 * the URI's or its scheme's default.
 */
final class ClassicConnectors {

    static final String ASSUME_ROLE = "awsAssumeRole";
    static final String ACCESS_KEYS = "awsCreds";

    private ClassicConnectors() {
    }

    /** The PUT body for {@code resource}, secrets included. */
    static ClassicConnectorJson toJson(ConnectorResource resource) {
        HybridComputeSettings hybrid = new HybridComputeSettings(null, null, resource.autoProvision() ? "On" : "Off",
            resource.arcResourceGroup().orElse(null), resource.arcRegion().orElse(null),
            resource.proxy().map(ClassicConnectors::proxyServer).orElse(null),
            resource.servicePrincipalId()
                .map(id -> new ServicePrincipal(id, resource.servicePrincipalSecret().orElse(null)))
                .orElse(null));
        return new ClassicConnectorJson(null, null, null,
            new ClassicConnectorJson.Properties(hybrid, authentication(resource)));
    }

    /**
     * The resource read back; empty when it is not an AWS connector (a GCP one, say). {@code fallbackName} names it
     * when the answer does not; null in a list.
     */
    static Optional<ConnectorResource> fromJson(ClassicConnectorJson json, String subscriptionId, String fallbackName) {
        AuthenticationDetails auth = json.properties() == null ? null : json.properties().authenticationDetails();
        Optional<AuthenticationType> type = auth == null ? Optional.empty() : type(auth.authenticationType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        HybridComputeSettings hybrid = json.properties().hybridComputeSettings();
        String name = present(json.name()).or(() -> Optional.ofNullable(fallbackName))
            .orElseThrow(() -> new ConnectorException("Azure returned a classic connector without a name"));
        var builder = ConnectorResource.builder()
            .key(ConnectorKey.classic(subscriptionId, name))
            .id(present(json.id()))
            .authenticationType(type)
            .awsAccountId(present(auth.accountId()))
            .roleArn(field(auth, AuthenticationDetails::awsAssumeRoleArn))
            .externalId(field(auth, AuthenticationDetails::awsExternalId))
            .accessKeyId(field(auth, AuthenticationDetails::awsAccessKeyId))
            .authenticationState(first(auth.authenticationProvisioningState(), auth.provisioningState()))
            .grantedPermissions(auth.grantedPermissions() == null ? List.of() : auth.grantedPermissions());
        if (hybrid != null) {
            ServicePrincipal principal = hybrid.servicePrincipal();
            builder.autoProvision("On".equalsIgnoreCase(hybrid.autoProvision()))
                .arcResourceGroup(present(hybrid.resourceGroupName()))
                .arcRegion(present(hybrid.region()))
                .proxy(proxy(hybrid.proxyServer()))
                .servicePrincipalId(principal == null ? Optional.empty() : present(principal.applicationId()))
                .servicePrincipalState(first(hybrid.hybridComputeProvisioningState(), hybrid.provisioningState()));
        }
        return Optional.of(builder.build());
    }

    private static AuthenticationDetails authentication(ConnectorResource resource) {
        if (resource.authenticationType().orElseThrow() == AuthenticationType.ASSUME_ROLE) {
            return new AuthenticationDetails(null, null, null, ASSUME_ROLE, null, resource.roleArn().orElse(null),
                resource.externalId().orElse(null), null, null, null, null);
        }
        return new AuthenticationDetails(null, null, null, ACCESS_KEYS, null, null, null,
            resource.accessKeyId().orElse(null), resource.secretAccessKey().orElse(null), null, null);
    }

    private static Optional<AuthenticationType> type(String authenticationType) {
        if (ASSUME_ROLE.equalsIgnoreCase(authenticationType)) {
            return Optional.of(AuthenticationType.ASSUME_ROLE);
        }
        if (ACCESS_KEYS.equalsIgnoreCase(authenticationType)) {
            return Optional.of(AuthenticationType.ACCESS_KEYS);
        }
        return Optional.empty();
    }

    /** A field read at the top level, else from the nested object an older draft put it in. */
    private static Optional<String> field(AuthenticationDetails auth, Function<AuthenticationDetails, String> getter) {
        return present(getter.apply(auth))
            .or(() -> Optional.ofNullable(auth.awsAssumeRole()).flatMap(nested -> present(getter.apply(nested))))
            .or(() -> Optional.ofNullable(auth.awsCreds()).flatMap(nested -> present(getter.apply(nested))));
    }

    private static Optional<String> first(String preferred, String fallback) {
        return present(preferred).or(() -> present(fallback));
    }

    private static ProxyServer proxyServer(URI proxy) {
        int port = proxy.getPort() >= 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return new ProxyServer(proxy.getHost(), Integer.toString(port));
    }

    private static Optional<URI> proxy(ProxyServer server) {
        if (server == null) {
            return Optional.empty();
        }
        return present(server.ip()).map(ip -> URI.create("http://" + ip
            + present(server.port()).map(port -> ":" + port).orElse("")));
    }
}
