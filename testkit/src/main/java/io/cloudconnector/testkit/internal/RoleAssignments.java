package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role assignments ({@code Microsoft.Authorization/roleAssignments}) at any scope of the subscription. A list at a
 * scope holds the assignments at it, above it (inherited from the subscription, a management group or the root) and
 * below it, narrowed by {@code principalId eq '...'}, or those at and above it with {@code atScope()}. A PUT makes an
 * assignment once: 409 {@code RoleAssignmentExists} for a second one of the same role, principal and scope, 400
 * {@code PrincipalNotFound} while the {@link EntraDirectory} does not let ARM see the principal, 404
 * {@code ResourceGroupNotFound} in a resource group that does not exist. Thread-safe: the state is guarded by this
 * object.
 */
final class RoleAssignments {

    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
        + "[0-9a-f]{12}");
    private static final Pattern ROLE_DEFINITION = Pattern.compile("(?i)^(?:/subscriptions/[^/]+)?"
        + "/providers/Microsoft\\.Authorization/roleDefinitions/([^/]+)$");
    private static final Pattern GROUP = Pattern.compile("(?i)^/subscriptions/[^/]+/resourceGroups/([^/]+)");
    private static final Pattern PRINCIPAL_FILTER = Pattern.compile("(?i)^\\s*principalId\\s+eq\\s+'([^']*)'\\s*$");
    private static final Pattern AT_SCOPE = Pattern.compile("(?i)^\\s*atScope\\(\\)\\s*$");

    /** An assignment with what ARM adds to it. */
    private record Stored(SandboxSeed.RoleAssignment assignment, Instant createdOn, String createdBy) {
    }

    private final String writer;
    private final ResourceGroups groups;
    private final EntraDirectory directory;
    private final Clock clock;
    private final Map<String, Stored> assignments = new LinkedHashMap<>();

    RoleAssignments(SandboxSeed.Azure azure, ResourceGroups groups, EntraDirectory directory, Clock clock) {
        this.writer = azure.clientId();
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
        Instant seeded = Instant.parse("2025-06-02T08:20:00Z");
        azure.roleAssignments().forEach(a -> assignments.put(key(a.name()), new Stored(a, seeded, null)));
    }

    /**
     * LIST at {@code scope}: 400 for a filter other than {@code principalId eq} and {@code atScope()}, 404 when the
     * scope's resource group does not exist, else {@code page} of the assignments.
     */
    synchronized Reply list(String scope, String filter, Function<List<ObjectNode>, Reply> page) {
        Predicate<SandboxSeed.RoleAssignment> selected;
        Matcher principal = filter == null ? null : PRINCIPAL_FILTER.matcher(filter);
        if (filter == null) {
            selected = a -> related(a.scope(), scope);
        } else if (principal.matches()) {
            selected = a -> related(a.scope(), scope) && a.principalId().equalsIgnoreCase(principal.group(1));
        } else if (AT_SCOPE.matcher(filter).matches()) {
            selected = a -> atOrAbove(a.scope(), scope);
        } else {
            return ArmErrors.ARM.error(400, "UnsupportedQuery", "The filter '" + filter + "' is not supported. "
                + "Supported filters are principalId eq '{id}' and atScope().");
        }
        Optional<Reply> missingGroup = missingGroup(scope);
        if (missingGroup.isPresent()) {
            return missingGroup.get();
        }
        List<ObjectNode> listed = new ArrayList<>();
        assignments.values().stream().filter(s -> selected.test(s.assignment())).forEach(s -> listed.add(json(s)));
        return page.apply(listed);
    }

    /** GET the assignment {@code name} at {@code scope}, or 404 {@code RoleAssignmentNotFound}. */
    synchronized Reply get(String scope, String name) {
        Stored stored = assignments.get(key(name));
        if (stored == null || !stored.assignment().scope().equalsIgnoreCase(scope)) {
            return ArmErrors.ARM.error(404, "RoleAssignmentNotFound", "The role assignment '" + name + "' is not "
                + "found.");
        }
        return Reply.json(200, json(stored));
    }

    /** PUT the assignment {@code name} at {@code scope}; see the type's description. */
    synchronized Reply put(String scope, String name, String body) {
        JsonNode properties = Json.parse(body).orElse(Json.object()).path("properties");
        Optional<String> role = Json.text(properties, "roleDefinitionId");
        Optional<String> principalId = Json.text(properties, "principalId");
        if (role.isEmpty() || principalId.isEmpty()) {
            return ArmErrors.ARM.error(400, "InvalidRequestContent", "properties.roleDefinitionId and "
                + "properties.principalId are required.");
        }
        Optional<Reply> invalid = invalid(name, role.get(), principalId.get()).or(() -> missingGroup(scope));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        SandboxSeed.RoleAssignment asked = new SandboxSeed.RoleAssignment(name, scope, role.get(), principalId.get(),
            Json.text(properties, "principalType").orElse("ServicePrincipal"));
        Stored named = assignments.get(key(name));
        if (named != null) {
            return same(named.assignment(), asked) ? Reply.json(200, json(named))
                : ArmErrors.ARM.error(409, "RoleAssignmentUpdateNotPermitted", "Tenant ID, application ID, principal "
                    + "ID, and scope are not allowed to be updated.");
        }
        if (!directory.visibleToArm(principalId.get())) {
            return ArmErrors.ARM.error(400, "PrincipalNotFound", "Principal " + principalId.get().replace("-", "")
                + " does not exist in the directory. Check that you have the correct principal ID. If you are "
                + "creating this principal and then immediately assigning a role, this error might be related to a "
                + "replication delay.");
        }
        if (assignments.values().stream().anyMatch(s -> same(s.assignment(), asked))) {
            return ArmErrors.ARM.error(409, "RoleAssignmentExists", "The role assignment already exists.");
        }
        Stored stored = new Stored(asked, clock.instant(), writer);
        assignments.put(key(name), stored);
        return Reply.json(201, json(stored));
    }

    /** The assignments, in the order they were made. */
    synchronized List<SandboxSeed.RoleAssignment> snapshot() {
        return assignments.values().stream().map(Stored::assignment).toList();
    }

    private static Optional<Reply> invalid(String name, String role, String principalId) {
        if (!GUID.matcher(name).matches()) {
            return Optional.of(ArmErrors.ARM.error(400, "InvalidRoleAssignmentId", "The role assignment ID '" + name
                + "' is not valid. The role assignment ID must be a GUID."));
        }
        Matcher definition = ROLE_DEFINITION.matcher(role);
        if (!definition.matches() || !GUID.matcher(definition.group(1)).matches()) {
            return Optional.of(ArmErrors.ARM.error(400, "InvalidRoleDefinitionId", "The role definition ID '" + role
                + "' is not valid."));
        }
        if (!GUID.matcher(principalId).matches()) {
            return Optional.of(ArmErrors.ARM.error(400, "InvalidPrincipalId", "A valid principal ID must be "
                + "provided for role assignment."));
        }
        return Optional.empty();
    }

    private Optional<Reply> missingGroup(String scope) {
        Matcher group = GROUP.matcher(scope);
        return group.find() && !groups.exists(group.group(1)) ? Optional.of(ResourceGroups.notFound(group.group(1)))
            : Optional.empty();
    }

    /** Whether two assignments give the same role to the same principal at the same scope. */
    private static boolean same(SandboxSeed.RoleAssignment a, SandboxSeed.RoleAssignment b) {
        return a.scope().equalsIgnoreCase(b.scope()) && a.principalId().equalsIgnoreCase(b.principalId())
            && roleGuid(a.roleDefinitionId()).equalsIgnoreCase(roleGuid(b.roleDefinitionId()));
    }

    private static String roleGuid(String roleDefinitionId) {
        return roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
    }

    /** Whether an assignment at {@code assigned} shows in a list at {@code scope}: at, above or below it. */
    private static boolean related(String assigned, String scope) {
        return atOrAbove(assigned, scope) || lower(assigned).startsWith(lower(scope) + "/");
    }

    private static boolean atOrAbove(String assigned, String scope) {
        String a = lower(assigned);
        String s = lower(scope);
        return a.equals(s) || a.equals("/") || a.startsWith("/providers/microsoft.management/managementgroups/")
            || s.startsWith(a + "/");
    }

    private ObjectNode json(Stored stored) {
        SandboxSeed.RoleAssignment a = stored.assignment();
        ObjectNode node = Json.object().put("id", a.id()).put("type", "Microsoft.Authorization/roleAssignments")
            .put("name", a.name());
        ObjectNode properties = node.putObject("properties").put("roleDefinitionId", a.roleDefinitionId())
            .put("principalId", a.principalId()).put("principalType", a.principalType()).put("scope", a.scope());
        properties.putNull("condition").putNull("conditionVersion");
        properties.put("createdOn", stored.createdOn().toString()).put("updatedOn", stored.createdOn().toString());
        if (stored.createdBy() == null) {
            properties.putNull("createdBy").putNull("updatedBy");
        } else {
            properties.put("createdBy", stored.createdBy()).put("updatedBy", stored.createdBy());
        }
        properties.putNull("delegatedManagedIdentityResourceId").putNull("description");
        return node;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
