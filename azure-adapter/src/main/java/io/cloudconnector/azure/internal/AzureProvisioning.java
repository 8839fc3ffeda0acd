package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.CreatedClientSecret;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.RoleAssignmentFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AzureProvisioningPort} over Microsoft Graph v1.0 (applications, service principals, client secrets) and ARM
 * (resource groups, api-version {@value #GROUPS_API}; role assignments, api-version {@value #ROLES_API}). Arguments
 * are checked before any call: an {@link IllegalArgumentException} names the parameter and the rule.
 *
 * <p>Display names are compared exactly: Graph's {@code $filter} ignores case, so its answer is narrowed to the
 * applications whose name is exactly the one asked for. Role assignments are listed with ARM's
 * {@code principalId eq} filter, which also returns the principal's assignments below the scope; only those at the
 * scope or above it (inherited) are kept. A role assignment is written under a new name with principal type
 * {@code ServicePrincipal}; ARM's {@code PrincipalNotFound} (a service principal too new to be visible to ARM) is
 * asked again every poll interval until the propagation timeout. Thread-safe.
 */
public final class AzureProvisioning implements AzureProvisioningPort {

    static final String GROUPS_API = "2021-04-01";
    static final String ROLES_API = "2022-04-01";

    static final String LIST_APPLICATIONS = "Microsoft Graph GET /applications";
    static final String CREATE_APPLICATION = "Microsoft Graph POST /applications";
    static final String LIST_SERVICE_PRINCIPALS = "Microsoft Graph GET /servicePrincipals";
    static final String CREATE_SERVICE_PRINCIPAL = "Microsoft Graph POST /servicePrincipals";
    static final String ADD_PASSWORD = "Microsoft Graph POST /applications/addPassword";
    static final String READ_GROUP = "Microsoft.Resources/subscriptions/resourceGroups/read";
    static final String WRITE_GROUP = "Microsoft.Resources/subscriptions/resourceGroups/write";
    static final String READ_ASSIGNMENTS = "Microsoft.Authorization/roleAssignments/read";
    static final String WRITE_ASSIGNMENT = "Microsoft.Authorization/roleAssignments/write";

    private static final Logger LOG = LoggerFactory.getLogger(AzureProvisioning.class);
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern GUID_PATTERN = Pattern.compile(GUID);
    private static final Pattern SCOPE = Pattern.compile("(?i)/subscriptions/(" + GUID + ")(/[^/?#]+)*");
    private static final Pattern ROLE_DEFINITION = Pattern.compile("(?i)/subscriptions/" + GUID
        + "/providers/Microsoft\\.Authorization/roleDefinitions/" + GUID);
    private static final Pattern GROUP_NAME = Pattern.compile("[-\\w.()]{0,89}[-\\w()]");
    private static final String ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";

    private final GraphClient graph;
    private final ArmClient arm;
    private final Duration propagationTimeout;
    private final Duration pollInterval;

    /**
     * @param propagationTimeout how long {@link #assignRole} asks again while ARM answers {@code PrincipalNotFound}
     * @param pollInterval the wait between two of those attempts
     */
    public AzureProvisioning(GraphClient graph, ArmClient arm, Duration propagationTimeout, Duration pollInterval) {
        this.graph = graph;
        this.arm = arm;
        this.propagationTimeout = propagationTimeout;
        this.pollInterval = pollInterval;
    }

    @Override
    public List<EntraApplication> applications(String displayName) {
        requireText(displayName, "displayName");
        String filter = "displayName eq '" + displayName.replace("'", "''") + "'";
        return graph.list("/applications", filter, LIST_APPLICATIONS).stream()
            .map(node -> application(node, LIST_APPLICATIONS))
            .filter(application -> application.displayName().equals(displayName))
            .toList();
    }

    @Override
    public EntraApplication createApplication(String displayName) {
        requireText(displayName, "displayName");
        ObjectNode body = arm.json().createObjectNode().put("displayName", displayName);
        return application(graph.post("/applications", body, CREATE_APPLICATION), CREATE_APPLICATION);
    }

    @Override
    public Optional<EntraServicePrincipal> servicePrincipal(String appId) {
        requireGuid(appId, "appId");
        return graph.list("/servicePrincipals", "appId eq '" + appId + "'", LIST_SERVICE_PRINCIPALS).stream()
            .map(node -> servicePrincipal(node, LIST_SERVICE_PRINCIPALS))
            .filter(principal -> principal.appId().equalsIgnoreCase(appId))
            .findFirst();
    }

    @Override
    public EntraServicePrincipal createServicePrincipal(String appId) {
        requireGuid(appId, "appId");
        ObjectNode body = arm.json().createObjectNode().put("appId", appId);
        return servicePrincipal(graph.post("/servicePrincipals", body, CREATE_SERVICE_PRINCIPAL),
            CREATE_SERVICE_PRINCIPAL);
    }

    @Override
    public CreatedClientSecret addClientSecret(String applicationObjectId, String displayName, Instant expiresAt) {
        requireGuid(applicationObjectId, "applicationObjectId");
        requireText(displayName, "displayName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        ObjectNode body = arm.json().createObjectNode();
        body.putObject("passwordCredential").put("displayName", displayName).put("endDateTime", expiresAt.toString());
        JsonNode answer = graph.post("/applications/" + applicationObjectId + "/addPassword", body, ADD_PASSWORD);
        return CreatedClientSecret.of(required(answer, "keyId", ADD_PASSWORD),
            Secret.of(required(answer, "secretText", ADD_PASSWORD)),
            instant(required(answer, "endDateTime", ADD_PASSWORD), ADD_PASSWORD));
    }

    @Override
    public Optional<String> resourceGroupLocation(String subscriptionId, String name) {
        String path = groupPath(subscriptionId, name);
        return arm.get(path, GROUPS_API, READ_GROUP).map(group -> required(group, "location", READ_GROUP));
    }

    /** {@inheritDoc} Reads the group first: a PUT of an existing group would replace its tags. */
    @Override
    public void createResourceGroup(String subscriptionId, String name, String location) {
        String path = groupPath(subscriptionId, name);
        requireText(location, "location");
        if (arm.get(path, GROUPS_API, READ_GROUP).isPresent()) {
            LOG.debug("Resource group {} exists in subscription {}; left as it is", name, subscriptionId);
            return;
        }
        arm.put(path, GROUPS_API, arm.json().createObjectNode().put("location", location), WRITE_GROUP);
    }

    /**
     * {@inheritDoc} When the scope is inside a resource group that does not exist yet, the assignments inherited
     * from the subscription and above.
     */
    @Override
    public List<RoleAssignmentFacts> roleAssignments(String scope, String principalId) {
        String subscription = requireScope(scope, "scope");
        requireGuid(principalId, "principalId");
        String filter = "principalId eq '" + principalId + "'";
        List<JsonNode> listed;
        String applying = scope;
        try {
            listed = arm.list(encoded(scope) + ASSIGNMENTS, ROLES_API, filter, READ_ASSIGNMENTS);
        } catch (CloudServiceException e) {
            if (!hasCode(e, "ResourceGroupNotFound")) {
                throw e;
            }
            applying = "/subscriptions/" + subscription;
            listed = arm.list(encoded(applying) + ASSIGNMENTS, ROLES_API, filter, READ_ASSIGNMENTS);
        }
        String below = applying.toLowerCase(Locale.ROOT) + "/";
        List<RoleAssignmentFacts> facts = new ArrayList<>();
        for (JsonNode node : listed) {
            RoleAssignmentFacts assignment = roleAssignment(node);
            if (assignment.principalId().equalsIgnoreCase(principalId)
                && !assignment.scope().toLowerCase(Locale.ROOT).startsWith(below)) {
                facts.add(assignment);
            }
        }
        return facts;
    }

    @Override
    public void assignRole(String scope, String roleDefinitionId, String principalId) {
        requireScope(scope, "scope");
        if (roleDefinitionId == null || !ROLE_DEFINITION.matcher(roleDefinitionId).matches()) {
            throw new IllegalArgumentException("roleDefinitionId must be a full role definition ID, /subscriptions/"
                + "<subscription>/providers/Microsoft.Authorization/roleDefinitions/<guid>, was '" + roleDefinitionId
                + "'");
        }
        requireGuid(principalId, "principalId");
        String path = encoded(scope) + ASSIGNMENTS + "/" + UUID.randomUUID();
        ObjectNode body = arm.json().createObjectNode();
        body.putObject("properties").put("roleDefinitionId", roleDefinitionId).put("principalId", principalId)
            .put("principalType", "ServicePrincipal");
        putAssignment(path, body, principalId);
    }

    /** PUTs the assignment, asking again while ARM cannot see the principal yet, until the propagation timeout. */
    private void putAssignment(String path, ObjectNode body, String principalId) {
        long deadline = System.nanoTime() + propagationTimeout.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                arm.put(path, ROLES_API, body, WRITE_ASSIGNMENT);
                return;
            } catch (CloudServiceException e) {
                if (hasCode(e, "RoleAssignmentExists")) {
                    LOG.debug("The role assignment of {} at {} exists already", principalId, path);
                    return;
                }
                if (!hasCode(e, "PrincipalNotFound")) {
                    throw e;
                }
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    throw principalNotVisible(e, principalId, attempts);
                }
                LOG.debug("ARM does not see principal {} yet (attempt {}); asking again", principalId, attempts);
                ArmClient.pause(pollInterval.compareTo(left) < 0 ? pollInterval : left, WRITE_ASSIGNMENT);
            }
        }
    }

    private CloudServiceException principalNotVisible(CloudServiceException last, String principalId, int attempts) {
        return new CloudServiceException("Azure " + WRITE_ASSIGNMENT + " failed: ARM still did not find service"
            + " principal " + principalId + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " in "
            + propagationTimeout.toMillis() / 1000.0 + " s (the principal propagation timeout). A service principal"
            + " created moments ago can take minutes to reach ARM: try again later, or allow more time with"
            + " AzureAdapter.Builder.principalPropagationTimeout. Last answer: " + last.getMessage(),
            ArmErrors.PROVIDER, WRITE_ASSIGNMENT, null, last.statusCode(), "PrincipalNotFound",
            last.requestId().orElse(null), true, null);
    }

    private static EntraApplication application(JsonNode node, String operation) {
        List<Instant> expiries = new ArrayList<>();
        for (JsonNode credential : node.path("passwordCredentials")) {
            JsonNode end = credential.path("endDateTime");
            if (end.isTextual()) {
                expiries.add(instant(end.asText(), operation));
            }
        }
        return EntraApplication.builder()
            .objectId(required(node, "id", operation))
            .appId(required(node, "appId", operation))
            .displayName(required(node, "displayName", operation))
            .secretExpiries(expiries)
            .build();
    }

    private static EntraServicePrincipal servicePrincipal(JsonNode node, String operation) {
        return EntraServicePrincipal.of(required(node, "id", operation), required(node, "appId", operation));
    }

    private static RoleAssignmentFacts roleAssignment(JsonNode node) {
        JsonNode properties = node.path("properties");
        return RoleAssignmentFacts.builder()
            .id(required(node, "id", READ_ASSIGNMENTS))
            .scope(required(properties, "scope", READ_ASSIGNMENTS))
            .roleDefinitionId(required(properties, "roleDefinitionId", READ_ASSIGNMENTS))
            .principalId(required(properties, "principalId", READ_ASSIGNMENTS))
            .build();
    }

    private static String required(JsonNode node, String field, String operation) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ArmErrors.incomplete(operation, field);
        }
        return value.asText();
    }

    private static Instant instant(String text, String operation) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ArmErrors.incomplete(operation, "a readable date and time (was '" + text + "')");
        }
    }

    private static boolean hasCode(CloudServiceException e, String code) {
        return e.errorCode().filter(code::equalsIgnoreCase).isPresent();
    }

    /** The scope with each segment percent-encoded. */
    private static String encoded(String scope) {
        return Arrays.stream(scope.split("/", -1)).map(ArmClient::segment).collect(Collectors.joining("/"));
    }

    private static String groupPath(String subscriptionId, String name) {
        requireGuid(subscriptionId, "subscriptionId");
        if (name == null || !GROUP_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be a resource group name: 1 to 90 letters, digits, '_',"
                + " '-', '.', '(' or ')', not ending in '.', was '" + name + "'");
        }
        return "/subscriptions/" + subscriptionId + "/resourcegroups/" + ArmClient.segment(name);
    }

    /** Checks a scope; returns its subscription. */
    private static String requireScope(String scope, String name) {
        Matcher matcher = scope == null ? null : SCOPE.matcher(scope);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(name + " must be an Azure scope, /subscriptions/<guid> optionally"
                + " followed by /<segment>s (such as /resourceGroups/<name>), without a trailing slash, was '" + scope
                + "'");
        }
        return matcher.group(1);
    }

    private static void requireGuid(String value, String name) {
        if (value == null || !GUID_PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a GUID such as 00000000-0000-0000-0000-000000000000,"
                + " was '" + value + "'");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null"
                : "'" + value + "'"));
        }
    }
}
