package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the classic connector reports about itself, computed from the sandbox's AWS side as the real service checks
 * it: the role exists, trusts the External ID and has the three required policies (else {@code IncorrectPolicy}),
 * or the access key is valid; the service principal's secret is right. Write-only secrets are kept out.
 */
final class ConnectorStates {

    static final List<String> REQUIRED_POLICIES = List.of("AWSSecurityHubReadOnlyAccess", "SecurityAudit",
        "AmazonSSMAutomationRole");
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):role/(?:.*/)?([^/]+)$");

    private final SandboxSeed seed;
    private final Function<String, Optional<IamHandler>> iamOf;
    private final Principals principals;
    private final EntraDirectory directory;

    /**
     * States over the seed's Azure side and the IAM of each of its accounts, found by ID with {@code iamOf}; a
     * service principal is valid when it is the seed's Arc one or one of {@code directory}'s that may sign in.
     */
    ConnectorStates(SandboxSeed seed, Function<String, Optional<IamHandler>> iamOf, Principals principals,
        EntraDirectory directory) {
        this.seed = seed;
        this.iamOf = iamOf;
        this.principals = principals;
        this.directory = directory;
    }

    /** Why a classic connector body would be rejected, or empty. */
    static Optional<String> problem(JsonNode body) {
        JsonNode properties = body.path("properties");
        String type = properties.path("authenticationDetails").path("authenticationType").asText();
        if (!type.equals("awsAssumeRole") && !type.equals("awsCreds")) {
            return Optional.of("properties.authenticationDetails.authenticationType must be awsAssumeRole or "
                + "awsCreds (the sandbox plays AWS accounts only), was '" + type + "'.");
        }
        String autoProvision = properties.path("hybridComputeSettings").path("autoProvision").asText();
        if (!autoProvision.equals("On") && !autoProvision.equals("Off")) {
            return Optional.of("properties.hybridComputeSettings.autoProvision must be On or Off.");
        }
        return Optional.empty();
    }

    /** The properties as stored and returned: states computed, secrets blanked. */
    ObjectNode stored(JsonNode input) {
        ObjectNode properties = input.deepCopy();
        ObjectNode hybrid = (ObjectNode) properties.get("hybridComputeSettings");
        hybrid.put("hybridComputeProvisioningState", servicePrincipalState(hybrid));
        if (hybrid.path("servicePrincipal").isObject()) {
            ((ObjectNode) hybrid.get("servicePrincipal")).put("secret", "");
        }
        ObjectNode auth = (ObjectNode) properties.get("authenticationDetails");
        boolean role = auth.path("authenticationType").asText().equals("awsAssumeRole");
        List<String> attached = role ? rolePolicies(auth) : userPolicies(auth);
        boolean valid = role ? roleValid(auth) : keyValid(auth);
        List<String> granted = REQUIRED_POLICIES.stream().filter(p -> attached.stream().anyMatch(a ->
            a.endsWith("/" + p))).toList();
        String state = !valid ? "Invalid" : granted.size() < REQUIRED_POLICIES.size() ? "IncorrectPolicy" : "Valid";
        auth.put("authenticationProvisioningState", state);
        ArrayNode permissions = auth.putArray("grantedPermissions");
        if (valid) {
            granted.forEach(p -> permissions.add("AWS::" + p));
        }
        auth.put("accountId", accountOf(auth));
        if (!role) {
            auth.put("awsSecretAccessKey", "");
        }
        return properties;
    }

    private String servicePrincipalState(JsonNode hybrid) {
        JsonNode principal = hybrid.path("servicePrincipal");
        if (!principal.isObject()) {
            return hybrid.path("autoProvision").asText().equals("Off") ? "Valid" : "Invalid";
        }
        String applicationId = principal.path("applicationId").asText();
        String secret = principal.path("secret").asText();
        boolean seeded = applicationId.equalsIgnoreCase(seed.azure().arcServicePrincipalId())
            && secret.equals(seed.azure().arcServicePrincipalSecret());
        return seeded || directory.signIn(applicationId, secret) == EntraDirectory.SignIn.ALLOWED ? "Valid"
            : "Invalid";
    }

    private boolean roleValid(JsonNode auth) {
        Matcher arn = ROLE_ARN.matcher(auth.path("awsAssumeRoleArn").asText());
        if (!arn.matches()) {
            return false;
        }
        Optional<String> trust = iamOf.apply(arn.group(1)).flatMap(iam -> iam.trustPolicy(arn.group(2)));
        return trust.isPresent() && StsHandler.trusts(trust.get(), Optional.of(auth.path("awsExternalId").asText()));
    }

    private List<String> rolePolicies(JsonNode auth) {
        Matcher arn = ROLE_ARN.matcher(auth.path("awsAssumeRoleArn").asText());
        return arn.matches() ? iamOf.apply(arn.group(1)).map(iam -> iam.rolePolicies(arn.group(2))).orElse(List.of())
            : List.of();
    }

    private boolean keyValid(JsonNode auth) {
        return principals.userKeyMatches(auth.path("awsAccessKeyId").asText(),
            auth.path("awsSecretAccessKey").asText());
    }

    private List<String> userPolicies(JsonNode auth) {
        return principals.find(auth.path("awsAccessKeyId").asText())
            .flatMap(p -> seed.account(p.account()).flatMap(account -> account.user(p.arn().substring(
                p.arn().lastIndexOf('/') + 1))))
            .map(SandboxSeed.User::attachedPolicyArns).orElse(List.of());
    }

    private String accountOf(JsonNode auth) {
        Matcher arn = ROLE_ARN.matcher(auth.path("awsAssumeRoleArn").asText());
        return arn.matches() ? arn.group(1) : principals.find(auth.path("awsAccessKeyId").asText())
            .map(Principals.Principal::account).orElse(seed.accountId());
    }
}
