package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Resource Manager: Microsoft.Security connectors (classic, subscription scope) and securityConnectors
 * (current, resource-group scope), assessment metadata and assessments, Microsoft.HybridCompute machines, resource
 * providers, resource groups ({@link ResourceGroups}) and role assignments ({@link RoleAssignments}); each with its
 * api-versions, bearer-token check, ARM error bodies and {@code nextLink} paging (which keeps the list's
 * {@code $filter}). Thread-safe: the state is guarded by this handler and the objects it delegates to.
 */
final class ArmHandler {

    /** One routed ARM call: the operation name for statistics and faults, and the work. */
    record Route(String operation, Supplier<Reply> work) {
    }

    private static final String SUB = "(?i)^/subscriptions/([^/]+)";
    private static final String SECURITY = "/providers/Microsoft\\.Security/";
    private static final Pattern CONNECTORS = Pattern.compile(SUB + SECURITY + "connectors(?:/([^/]+))?$");
    private static final Pattern SECURITY_CONNECTORS = Pattern.compile(SUB + "(?:/resourceGroups/([^/]+))?"
        + SECURITY + "securityConnectors(?:/([^/]+))?$");
    private static final Pattern METADATA = Pattern.compile(SUB + SECURITY + "assessmentMetadata(?:/([^/]+))?$");
    private static final Pattern ASSESSMENTS = Pattern.compile("(?i)^(/subscriptions/([^/]+)(?:/.*?)?)"
        + SECURITY + "assessments(?:/([^/]+))?$");
    private static final Pattern MACHINES = Pattern.compile(SUB + "/resourceGroups/([^/]+)"
        + "/providers/Microsoft\\.HybridCompute/machines(?:/([^/]+))?$");
    private static final Pattern PROVIDERS = Pattern.compile(SUB + "/providers/([^/]+)(/register)?$");
    private static final Pattern RESOURCE_GROUPS = Pattern.compile(SUB + "/resourceGroups/([^/]+)$");
    private static final Pattern ROLE_ASSIGNMENTS = Pattern.compile("(?i)^(/subscriptions/([^/]+)(?:/.*?)?)"
        + "/providers/Microsoft\\.Authorization/roleAssignments(?:/([^/]+))?$");
    private static final Set<String> CONNECTOR_VERSIONS = Set.of("2020-01-01-preview", "2023-10-01-preview");
    private static final Set<String> SECURITY_CONNECTOR_VERSIONS = Set.of("2024-08-01-preview", "2023-10-01-preview");
    private static final Set<String> ASSESSMENT_VERSIONS = Set.of("2020-01-01", "2021-06-01");
    private static final Set<String> MACHINE_VERSIONS = Set.of("2022-12-27", "2024-07-10");
    private static final Set<String> PROVIDER_VERSIONS = Set.of("2021-04-01", "2022-09-01");
    private static final Set<String> GROUP_VERSIONS = Set.of("2021-04-01", "2022-09-01");
    private static final Set<String> ROLE_ASSIGNMENT_VERSIONS = Set.of("2022-04-01", "2020-10-01-preview");
    private static final int BIG_PAGE = 100;

    private final SandboxSeed.Azure azure;
    private final ConnectorStates connectorStates;
    private final ArcRegistry arc;
    private final PageTokens tokens;
    private final int pageSize;
    private final ResourceGroups groups;
    private final RoleAssignments roleAssignments;
    private final Map<String, ObjectNode> connectors = new LinkedHashMap<>();
    private final Map<String, ObjectNode> securityConnectors = new LinkedHashMap<>();
    private final Map<String, ObjectNode> metadata = new LinkedHashMap<>();
    private final Map<String, ObjectNode> assessments = new LinkedHashMap<>();
    private final Map<String, String> providers = new LinkedHashMap<>();

    ArmHandler(SandboxSeed.Azure azure, ConnectorStates connectorStates, ArcRegistry arc, PageTokens tokens,
        int pageSize, ResourceGroups groups, RoleAssignments roleAssignments) {
        this.azure = azure;
        this.connectorStates = connectorStates;
        this.arc = arc;
        this.tokens = tokens;
        this.pageSize = pageSize;
        this.groups = groups;
        this.roleAssignments = roleAssignments;
        azure.connectors().forEach(c -> connectors.put(c.path("name").asText().toLowerCase(Locale.ROOT),
            (ObjectNode) c.deepCopy()));
        azure.resourceProviders().forEach((ns, state) -> providers.put(ns.toLowerCase(Locale.ROOT), state));
    }

    /** Routes an ARM request; {@code base} is the sandbox's ARM endpoint, for {@code nextLink}s. */
    Route route(String method, String path, Map<String, String> query, String body, URI base) {
        Matcher m;
        if ((m = CONNECTORS.matcher(path)).matches()) {
            return connectors(method, m, query, body, base);
        }
        if ((m = SECURITY_CONNECTORS.matcher(path)).matches()) {
            return securityConnectors(method, m, query, body, base);
        }
        if ((m = METADATA.matcher(path)).matches()) {
            return metadata(method, m, query, body, base);
        }
        if ((m = ASSESSMENTS.matcher(path)).matches()) {
            return assessments(method, m, query, body, base);
        }
        if ((m = MACHINES.matcher(path)).matches()) {
            return machines(method, m, query, base);
        }
        if ((m = ROLE_ASSIGNMENTS.matcher(path)).matches()) {
            return roleAssignments(method, m, query, body, base);
        }
        if ((m = RESOURCE_GROUPS.matcher(path)).matches()) {
            return resourceGroups(method, m, query, body);
        }
        if ((m = PROVIDERS.matcher(path)).matches()) {
            return providers(method, m, query);
        }
        return new Route("arm:" + method + " unknown", () -> ArmErrors.ARM.error(404, "InvalidResourceType",
            "The resource type could not be found for path '" + path + "'."));
    }

    private Route connectors(String method, Matcher m, Map<String, String> query, String body, URI base) {
        String sub = m.group(1);
        String name = m.group(2);
        String op = operation(method, name, "connectors");
        return new Route(op, () -> checked(sub, query, CONNECTOR_VERSIONS, "Microsoft.Security", () -> {
            synchronized (this) {
                if (name == null) {
                    return list(new ArrayList<>(connectors.values()), pageSize, query, base, m.group(), op);
                }
                String key = name.toLowerCase(Locale.ROOT);
                return switch (method) {
                    case "GET" -> found(connectors.get(key), "Microsoft.Security/connectors", name);
                    case "PUT" -> putConnector(sub, name, key, body);
                    case "DELETE" -> Reply.empty(connectors.remove(key) == null ? 204 : 200);
                    default -> methodNotAllowed(method);
                };
            }
        }));
    }

    private Reply putConnector(String sub, String name, String key, String body) {
        Optional<JsonNode> input = Json.parse(body);
        Optional<String> problem = input.flatMap(ConnectorStates::problem);
        if (input.isEmpty() || problem.isPresent()) {
            return ArmErrors.ARM.error(400, "BadRequest", problem.orElse("The request content is not valid JSON."));
        }
        ObjectNode stored = Json.object().put("id", "/subscriptions/" + sub
            + "/providers/Microsoft.Security/connectors/" + name).put("name", name)
            .put("type", "Microsoft.Security/connectors");
        stored.set("properties", connectorStates.stored(input.get().path("properties")));
        connectors.put(key, stored);
        return Reply.json(200, stored);
    }

    private Route securityConnectors(String method, Matcher m, Map<String, String> query, String body, URI base) {
        String sub = m.group(1);
        String group = m.group(2);
        String name = m.group(3);
        String op = operation(method, name, "securityConnectors");
        return new Route(op, () -> checked(sub, query, SECURITY_CONNECTOR_VERSIONS, "Microsoft.Security", () -> {
            synchronized (this) {
                if (name == null) {
                    String prefix = ("/subscriptions/" + sub + (group == null ? "" : "/resourceGroups/" + group + "/"))
                        .toLowerCase(Locale.ROOT);
                    List<ObjectNode> all = new ArrayList<>();
                    securityConnectors.forEach((id, c) -> {
                        if (id.startsWith(prefix)) {
                            all.add(c);
                        }
                    });
                    return list(all, pageSize, query, base, m.group(), op);
                }
                if (group == null) {
                    return methodNotAllowed(method);
                }
                String id = "/subscriptions/" + sub + "/resourceGroups/" + group
                    + "/providers/Microsoft.Security/securityConnectors/" + name;
                String key = id.toLowerCase(Locale.ROOT);
                return switch (method) {
                    case "GET" -> found(securityConnectors.get(key), "Microsoft.Security/securityConnectors", name);
                    case "PUT" -> putSecurityConnector(id, name, key, body);
                    case "DELETE" -> Reply.empty(securityConnectors.remove(key) == null ? 204 : 200);
                    default -> methodNotAllowed(method);
                };
            }
        }));
    }

    private Reply putSecurityConnector(String id, String name, String key, String body) {
        Optional<JsonNode> input = Json.parse(body).filter(JsonNode::isObject);
        if (input.isEmpty() || !input.get().hasNonNull("location")) {
            return ArmErrors.ARM.error(400, "LocationRequired", "The location property is required for this "
                + "definition.");
        }
        JsonNode properties = input.get().path("properties");
        if (!properties.path("environmentName").isTextual() || !properties.path("hierarchyIdentifier").isTextual()) {
            return ArmErrors.ARM.error(400, "BadRequest", "properties.environmentName and "
                + "properties.hierarchyIdentifier are required.");
        }
        boolean created = !securityConnectors.containsKey(key);
        ObjectNode stored = Json.object().put("id", id).put("name", name)
            .put("type", "Microsoft.Security/securityConnectors").put("location", input.get().get("location").asText())
            .put("kind", "").put("etag", "\"" + UUID.randomUUID() + "\"");
        stored.set("tags", input.get().has("tags") ? input.get().get("tags").deepCopy() : Json.object());
        stored.putObject("systemData").put("createdBy", azure.clientId()).put("createdByType", "Application");
        stored.set("properties", properties.deepCopy());
        securityConnectors.put(key, stored);
        return Reply.json(created ? 201 : 200, stored);
    }

    private Route metadata(String method, Matcher m, Map<String, String> query, String body, URI base) {
        String sub = m.group(1);
        String name = m.group(2);
        String op = operation(method, name, "assessmentMetadata");
        return new Route(op, () -> checked(sub, query, ASSESSMENT_VERSIONS, "Microsoft.Security", () -> {
            synchronized (this) {
                if (name == null) {
                    return list(new ArrayList<>(metadata.values()), BIG_PAGE, query, base, m.group(), op);
                }
                String key = name.toLowerCase(Locale.ROOT);
                return switch (method) {
                    case "GET" -> found(metadata.get(key), "Microsoft.Security/assessmentMetadata", name);
                    case "PUT" -> putMetadata(sub, name, key, body);
                    case "DELETE" -> Reply.empty(metadata.remove(key) == null ? 204 : 200);
                    default -> methodNotAllowed(method);
                };
            }
        }));
    }

    private Reply putMetadata(String sub, String name, String key, String body) {
        JsonNode properties = Json.parse(body).orElse(Json.object()).path("properties");
        for (String field : List.of("displayName", "severity", "assessmentType")) {
            if (!properties.path(field).isTextual()) {
                return ArmErrors.ARM.error(400, "InvalidRequestContent", "properties." + field + " is required.");
            }
        }
        if (!Set.of("Low", "Medium", "High").contains(properties.get("severity").asText())) {
            return ArmErrors.ARM.error(400, "InvalidRequestContent", "properties.severity must be Low, Medium or "
                + "High.");
        }
        ObjectNode stored = Json.object().put("id", "/subscriptions/" + sub
            + "/providers/Microsoft.Security/assessmentMetadata/" + name).put("name", name)
            .put("type", "Microsoft.Security/assessmentMetadata");
        stored.set("properties", properties.deepCopy());
        metadata.put(key, stored);
        return Reply.json(200, stored);
    }

    private Route assessments(String method, Matcher m, Map<String, String> query, String body, URI base) {
        String scope = m.group(1);
        String sub = m.group(2);
        String name = m.group(3);
        String op = operation(method, name, "assessments");
        return new Route(op, () -> checked(sub, query, ASSESSMENT_VERSIONS, "Microsoft.Security", () -> {
            synchronized (this) {
                if (name == null) {
                    String prefix = scope.toLowerCase(Locale.ROOT);
                    List<ObjectNode> all = new ArrayList<>();
                    assessments.forEach((id, a) -> {
                        if (id.startsWith(prefix)) {
                            all.add(a);
                        }
                    });
                    return list(all, BIG_PAGE, query, base, m.group(), op);
                }
                String id = scope + "/providers/Microsoft.Security/assessments/" + name;
                String key = id.toLowerCase(Locale.ROOT);
                return switch (method) {
                    case "GET" -> found(assessments.get(key), "Microsoft.Security/assessments", name);
                    case "PUT" -> putAssessment(id, name, key, body);
                    case "DELETE" -> Reply.empty(assessments.remove(key) == null ? 204 : 200);
                    default -> methodNotAllowed(method);
                };
            }
        }));
    }

    private Reply putAssessment(String id, String name, String key, String body) {
        JsonNode properties = Json.parse(body).orElse(Json.object()).path("properties");
        ObjectNode meta = metadata.get(name.toLowerCase(Locale.ROOT));
        if (meta == null) {
            return ArmErrors.ARM.error(400, "BadRequest", "No assessment metadata named '" + name
                + "' exists in the subscription; create it before its assessments.");
        }
        String code = properties.path("status").path("code").asText();
        if (!Set.of("Healthy", "Unhealthy", "NotApplicable").contains(code)
            || !properties.path("resourceDetails").path("Source").isTextual()) {
            return ArmErrors.ARM.error(400, "InvalidRequestContent", "properties.status.code (Healthy, Unhealthy or "
                + "NotApplicable) and properties.resourceDetails.Source are required.");
        }
        boolean created = !assessments.containsKey(key);
        ObjectNode stored = Json.object().put("id", id).put("name", name).put("type", "Microsoft.Security/assessments");
        ObjectNode props = properties.deepCopy();
        props.put("displayName", meta.path("properties").path("displayName").asText());
        stored.set("properties", props);
        assessments.put(key, stored);
        return Reply.json(created ? 201 : 200, stored);
    }

    private Route machines(String method, Matcher m, Map<String, String> query, URI base) {
        String sub = m.group(1);
        String group = m.group(2);
        String name = m.group(3);
        String op = operation(method, name, "machines");
        return new Route(op, () -> checked(sub, query, MACHINE_VERSIONS, "Microsoft.HybridCompute", () -> {
            if (!method.equals("GET")) {
                return methodNotAllowed(method);
            }
            if (name == null) {
                List<ObjectNode> all = new ArrayList<>();
                arc.inResourceGroup(sub, group).forEach(machine -> all.add(machineJson(machine)));
                return list(all, pageSize, query, base, m.group(), op);
            }
            return arc.get(sub, group, name).map(machine -> Reply.json(200, machineJson(machine)))
                .orElseGet(() -> notFound("Microsoft.HybridCompute/machines", name));
        }));
    }

    private static ObjectNode machineJson(ArcRegistry.Machine machine) {
        ObjectNode node = Json.object().put("id", machine.id()).put("name", machine.name())
            .put("type", "Microsoft.HybridCompute/machines").put("location", machine.location());
        ObjectNode tags = node.putObject("tags");
        machine.tags().forEach(tags::put);
        UUID vmId = UUID.nameUUIDFromBytes(machine.name().getBytes(StandardCharsets.UTF_8));
        ObjectNode properties = node.putObject("properties").put("provisioningState", "Succeeded")
            .put("status", machine.status()).put("lastStatusChange", machine.lastStatusChange().toString())
            .put("agentVersion", "1.48.02881.1941").put("osName", machine.osType()).put("osType", machine.osType())
            .put("osSku", machine.osName()).put("vmId", vmId.toString()).put("machineFqdn", machine.name());
        properties.putObject("detectedProperties").put("cloudprovider", "AWS").put("manufacturer", "Amazon EC2");
        properties.putObject("cloudMetadata").put("provider", "AWS");
        properties.putObject("agentConfiguration").putNull("proxyUrl");
        return node;
    }

    private Route resourceGroups(String method, Matcher m, Map<String, String> query, String body) {
        String sub = m.group(1);
        String name = m.group(2);
        return new Route("arm:" + method + " resourceGroups", () -> checked(sub, query, GROUP_VERSIONS, null,
            () -> switch (method) {
                case "GET" -> groups.get(name);
                case "PUT" -> groups.put(name, body);
                default -> methodNotAllowed(method);
            }));
    }

    private Route roleAssignments(String method, Matcher m, Map<String, String> query, String body, URI base) {
        String scope = m.group(1);
        String sub = m.group(2);
        String name = m.group(3);
        String op = operation(method, name, "roleAssignments");
        return new Route(op, () -> checked(sub, query, ROLE_ASSIGNMENT_VERSIONS, null, () -> {
            if (name == null) {
                return method.equals("GET") ? roleAssignments.list(scope, query.get("$filter"),
                    all -> list(all, pageSize, query, base, m.group(), op)) : methodNotAllowed(method);
            }
            return switch (method) {
                case "GET" -> roleAssignments.get(scope, name);
                case "PUT" -> roleAssignments.put(scope, name, body);
                default -> methodNotAllowed(method);
            };
        }));
    }

    private Route providers(String method, Matcher m, Map<String, String> query) {
        String sub = m.group(1);
        String namespace = m.group(2);
        boolean register = m.group(3) != null;
        String op = register ? "arm:POST register" : "arm:GET providers";
        return new Route(op, () -> checked(sub, query, PROVIDER_VERSIONS, null, () -> {
            synchronized (this) {
                String key = namespace.toLowerCase(Locale.ROOT);
                String state = providers.getOrDefault(key, "NotRegistered");
                if (register && method.equals("POST")) {
                    state = state.equals("Registered") ? state : "Registering";
                } else if (!register && method.equals("GET") && state.equals("Registering")) {
                    state = "Registered";
                } else if (!(method.equals("GET") && !register)) {
                    return methodNotAllowed(method);
                }
                providers.put(key, state);
                ObjectNode body = Json.object().put("id", "/subscriptions/" + sub + "/providers/" + namespace)
                    .put("namespace", namespace).put("registrationState", state)
                    .put("registrationPolicy", "RegistrationRequired");
                body.putArray("resourceTypes");
                return Reply.json(200, body);
            }
        }));
    }

    private Reply checked(String sub, Map<String, String> query, Set<String> versions, String namespace,
        Supplier<Reply> work) {
        if (!sub.equalsIgnoreCase(azure.subscriptionId())) {
            return ArmErrors.ARM.error(404, "SubscriptionNotFound", "The subscription '" + sub
                + "' could not be found.");
        }
        String version = query.get("api-version");
        if (version == null) {
            return ArmErrors.ARM.error(400, "MissingApiVersionParameter", "The api-version query parameter "
                + "(?api-version=) is required for all requests.");
        }
        if (!versions.contains(version)) {
            return ArmErrors.ARM.error(400, "InvalidApiVersionParameter", "The api-version '" + version
                + "' is invalid. The supported versions are '" + String.join(",", versions) + "'.");
        }
        if (namespace != null && !"Registered".equals(providerState(namespace))) {
            return ArmErrors.ARM.error(409, "MissingSubscriptionRegistration", "The subscription is not "
                + "registered to use namespace '" + namespace + "'.");
        }
        return work.get();
    }

    private synchronized String providerState(String namespace) {
        return providers.getOrDefault(namespace.toLowerCase(Locale.ROOT), "NotRegistered");
    }

    private Reply list(List<ObjectNode> all, int size, Map<String, String> query, URI base, String path, String op) {
        int start = 0;
        String skip = query.get("$skipToken");
        String filter = query.get("$filter");
        String scope = op + path + (filter == null ? "" : " " + filter);
        if (skip != null) {
            PageTokens.Redeemed redeemed = tokens.redeem(skip, scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return ArmErrors.ARM.error(400, "InvalidSkipToken", "The skip token is invalid or has expired.");
            }
            start = Math.min(redeemed.offset(), all.size());
        }
        int end = Math.min(all.size(), start + size);
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        all.subList(start, end).forEach(value::add);
        if (end < all.size()) {
            body.put("nextLink", base + path + "?api-version=" + query.get("api-version") + (filter == null ? ""
                : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"))
                + "&$skipToken=" + tokens.issue(scope, end));
        }
        return Reply.json(200, body);
    }

    private static Reply found(ObjectNode resource, String type, String name) {
        return resource == null ? notFound(type, name) : Reply.json(200, resource);
    }

    private static Reply notFound(String type, String name) {
        return ArmErrors.ARM.error(404, "ResourceNotFound", "The Resource '" + type + "/" + name
            + "' was not found.");
    }

    private static Reply methodNotAllowed(String method) {
        return ArmErrors.ARM.error(405, "MethodNotAllowed", "The method '" + method + "' is not supported here.");
    }

    private static String operation(String method, String name, String type) {
        return "arm:" + (name == null && method.equals("GET") ? "LIST" : method) + " " + type;
    }
}
