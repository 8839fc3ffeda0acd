package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A Microsoft Entra ID authority: the v2.0 token endpoint for the client-credentials grant of the seed's service
 * principals and of the applications of the {@link EntraDirectory} that have a service principal (with one of their
 * unexpired secrets), for any scope (such as {@code https://management.azure.com/.default} or
 * {@code https://graph.microsoft.com/.default}); the OpenID configuration, and instance discovery pointing back at the
 * sandbox.
 */
final class EntraHandler {

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private final SandboxSeed.Azure azure;
    private final Principals principals;
    private final EntraDirectory directory;

    EntraHandler(SandboxSeed.Azure azure, Principals principals, EntraDirectory directory) {
        this.azure = azure;
        this.principals = principals;
        this.directory = directory;
    }

    Reply token(String tenant, String body) {
        Map<String, String> form = AwsRequest.parseForm(body);
        ArmErrors errors = ArmErrors.ENTRA;
        if (!tenant.equalsIgnoreCase(azure.tenantId())) {
            return errors.error(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return errors.error(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported "
                + "grant type '" + form.get("grant_type") + "'.");
        }
        String clientId = form.getOrDefault("client_id", "");
        String secret = form.getOrDefault("client_secret", "");
        boolean sdkClient = clientId.equalsIgnoreCase(azure.clientId());
        boolean arcClient = clientId.equalsIgnoreCase(azure.arcServicePrincipalId());
        EntraDirectory.SignIn signIn;
        if (sdkClient || arcClient) {
            String expected = sdkClient ? azure.clientSecret() : azure.arcServicePrincipalSecret();
            signIn = expected.equals(secret) ? EntraDirectory.SignIn.ALLOWED : EntraDirectory.SignIn.WRONG_SECRET;
        } else {
            signIn = directory.signIn(clientId, secret);
        }
        if (signIn != EntraDirectory.SignIn.ALLOWED) {
            return refused(signIn, clientId, tenant);
        }
        String scope = form.getOrDefault("scope", "https://management.azure.com/.default");
        String audience = scope.endsWith("/.default") ? scope.substring(0, scope.length() - 9) : scope;
        String token = principals.issueBearer(clientId, azure.tenantId(), audience, TOKEN_LIFETIME);
        return Reply.json(200, Json.object().put("token_type", "Bearer").put("expires_in", 3599)
            .put("ext_expires_in", 3599).put("access_token", token));
    }

    private static Reply refused(EntraDirectory.SignIn signIn, String clientId, String tenant) {
        ArmErrors errors = ArmErrors.ENTRA;
        return switch (signIn) {
            case UNKNOWN_APPLICATION -> errors.error(400, "unauthorized_client", "AADSTS700016: Application with "
                + "identifier '" + clientId + "' was not found in the directory '" + tenant + "'.");
            case NO_SERVICE_PRINCIPAL -> errors.error(400, "unauthorized_client", "AADSTS7000229: The client "
                + "application " + clientId + " is missing service principal in the tenant " + tenant + ".");
            case EXPIRED_SECRET -> errors.error(401, "invalid_client", "AADSTS7000222: The provided client secret "
                + "keys for app '" + clientId + "' are expired.");
            default -> errors.error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure "
                + "the secret being sent in the request is the client secret value, not the client secret ID, for a "
                + "secret added to app '" + clientId + "'.");
        };
    }

    Reply openIdConfiguration(URI base, String tenant) {
        String authority = base + "/" + tenant.toLowerCase(Locale.ROOT);
        ObjectNode body = Json.object().put("token_endpoint", authority + "/oauth2/v2.0/token")
            .put("authorization_endpoint", authority + "/oauth2/v2.0/authorize")
            .put("device_authorization_endpoint", authority + "/oauth2/v2.0/devicecode")
            .put("issuer", authority + "/v2.0").put("jwks_uri", authority + "/discovery/v2.0/keys")
            .put("tenant_region_scope", "NA").put("cloud_instance_name", "sandbox");
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt");
        body.putArray("response_types_supported").add("code").add("id_token").add("code id_token");
        body.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        return Reply.json(200, body);
    }

    Reply instanceDiscovery(URI base) {
        String host = base.getAuthority();
        ObjectNode body = Json.object().put("tenant_discovery_endpoint", base + "/" + azure.tenantId()
            + "/v2.0/.well-known/openid-configuration").put("api-version", "1.1");
        ObjectNode metadata = body.putArray("metadata").addObject().put("preferred_network", host)
            .put("preferred_cache", host);
        metadata.putArray("aliases").add(host);
        return Reply.json(200, body);
    }
}
