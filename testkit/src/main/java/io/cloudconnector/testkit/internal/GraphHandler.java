package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph v1.0 over the {@link EntraDirectory}: applications (list with {@code $filter}, create, read, and
 * {@code addPassword}) and service principals (list with {@code $filter}, create, read), with Graph's error bodies and
 * {@code @odata.nextLink} paging. The {@code $filter}s Graph offers on these collections that the sandbox understands
 * are {@code displayName eq '...'} and {@code appId eq '...'} (string values compared without regard to case, as
 * Graph compares them; a quote inside is written twice). A secret's value is in the answer of addPassword only.
 */
final class GraphHandler {

    /** One routed Graph call: the operation name for statistics and faults, and the work. */
    record Route(String operation, Supplier<Reply> work) {
    }

    private static final Pattern COLLECTION = Pattern.compile("^/v1\\.0/(applications|servicePrincipals)"
        + "(?:/([^/]+)(/addPassword)?)?$");
    private static final Pattern FILTER = Pattern.compile("^\\s*(displayName|appId)\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
    private static final ArmErrors ERRORS = ArmErrors.GRAPH;

    private final EntraDirectory directory;
    private final Clock clock;
    private final PageTokens tokens;
    private final int pageSize;

    GraphHandler(EntraDirectory directory, Clock clock, PageTokens tokens, int pageSize) {
        this.directory = directory;
        this.clock = clock;
        this.tokens = tokens;
        this.pageSize = pageSize;
    }

    /** Whether {@code path} is a Graph path. */
    static boolean handles(String path) {
        return path.startsWith("/v1.0/");
    }

    /** Routes a Graph request; {@code base} is the sandbox's Graph endpoint, for {@code @odata.nextLink}s. */
    Route route(String method, String path, Map<String, String> query, String body, URI base) {
        Matcher m = COLLECTION.matcher(path);
        if (!m.matches()) {
            return new Route("graph:" + method + " unknown", () -> ERRORS.error(400, "BadRequest",
                "Resource not found for the segment '" + path.substring(path.lastIndexOf('/') + 1) + "'."));
        }
        boolean applications = m.group(1).equals("applications");
        String id = m.group(2);
        boolean addPassword = m.group(3) != null;
        if (addPassword) {
            return new Route("graph:POST addPassword", () -> method.equals("POST") && applications
                ? addPassword(id, body, base) : methodNotAllowed(method));
        }
        String type = m.group(1);
        String operation = "graph:" + (id == null && method.equals("GET") ? "LIST" : method) + " " + type;
        return new Route(operation, () -> switch (method) {
            case "GET" -> id == null ? list(type, query, base) : read(type, id, base);
            case "POST" -> id != null ? methodNotAllowed(method)
                : applications ? createApplication(body, base) : createServicePrincipal(body, base);
            default -> methodNotAllowed(method);
        });
    }

    private Reply list(String type, Map<String, String> query, URI base) {
        String filter = query.get("$filter");
        Predicate<ObjectNode> selected = node -> true;
        if (filter != null) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                return ERRORS.error(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
                    + "specified for resource '" + type + "': '" + filter + "'.");
            }
            String property = m.group(1);
            String value = m.group(2).replace("''", "'");
            selected = node -> node.path(property).asText().equalsIgnoreCase(value);
        }
        List<ObjectNode> all = (type.equals("applications")
            ? directory.applications().stream().map(GraphHandler::applicationJson)
            : directory.servicePrincipals().stream().map(GraphHandler::servicePrincipalJson))
            .filter(selected).toList();
        return page(all, type, filter, query.get("$skiptoken"), base);
    }

    private Reply page(List<ObjectNode> all, String type, String filter, String skipToken, URI base) {
        String scope = "graph " + type + " " + filter;
        int start = 0;
        if (skipToken != null) {
            PageTokens.Redeemed redeemed = tokens.redeem(skipToken, scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return ERRORS.error(400, "Directory_ExpiredPageToken", "The specified page token value has expired "
                    + "and can no longer be included in your request.");
            }
            start = Math.min(redeemed.offset(), all.size());
        }
        int end = Math.min(all.size(), start + pageSize);
        ObjectNode body = Json.object().put("@odata.context", base + "/v1.0/$metadata#" + type);
        ArrayNode value = body.putArray("value");
        all.subList(start, end).forEach(value::add);
        if (end < all.size()) {
            body.put("@odata.nextLink", base + "/v1.0/" + type + "?" + (filter == null ? ""
                : "$filter=" + encode(filter) + "&") + "$skiptoken=" + tokens.issue(scope, end));
        }
        return Reply.json(200, body);
    }

    private Reply read(String type, String id, URI base) {
        Optional<ObjectNode> found = type.equals("applications")
            ? directory.application(id).map(GraphHandler::applicationJson)
            : directory.servicePrincipal(id).map(GraphHandler::servicePrincipalJson);
        return found.map(node -> Reply.json(200, entity(node, type, base))).orElseGet(() -> notFound(id));
    }

    private Reply createApplication(String body, URI base) {
        Optional<String> name = Json.parse(body).flatMap(node -> Json.text(node, "displayName"))
            .filter(text -> !text.isBlank());
        if (name.isEmpty()) {
            return ERRORS.error(400, "Request_BadRequest", "A value is required for property 'displayName' of "
                + "resource 'Application'.");
        }
        return Reply.json(201, entity(applicationJson(directory.createApplication(name.get())), "applications",
            base));
    }

    private Reply createServicePrincipal(String body, URI base) {
        Optional<String> appId = Json.parse(body).flatMap(node -> Json.text(node, "appId"));
        if (appId.isEmpty()) {
            return ERRORS.error(400, "Request_BadRequest", "A value is required for property 'appId' of resource "
                + "'ServicePrincipal'.");
        }
        synchronized (directory) {
            Optional<EntraDirectory.App> app = directory.applicationByAppId(appId.get());
            if (app.isEmpty()) {
                return ERRORS.error(400, "Request_BadRequest", "The appId '" + appId.get() + "' of the service "
                    + "principal does not reference a valid application object.");
            }
            if (directory.servicePrincipalOf(appId.get()).isPresent()) {
                return ERRORS.error(409, "Request_MultipleObjectsWithSameKeyValue", "Another object with the same "
                    + "value for property servicePrincipalNames already exists.");
            }
            return Reply.json(201, entity(servicePrincipalJson(directory.createServicePrincipal(app.get())),
                "servicePrincipals", base));
        }
    }

    private Reply addPassword(String id, String body, URI base) {
        JsonNode credential = Json.parse(body).orElse(Json.object()).path("passwordCredential");
        Instant end = null;
        Optional<String> endText = Json.text(credential, "endDateTime");
        if (endText.isPresent()) {
            try {
                end = OffsetDateTime.parse(endText.get()).toInstant();
            } catch (DateTimeParseException e) {
                return ERRORS.error(400, "Request_BadRequest", "Invalid value specified for property 'endDateTime' "
                    + "of resource 'PasswordCredential'.");
            }
        }
        synchronized (directory) {
            if (directory.application(id).isEmpty()) {
                return notFound(id);
            }
            if (end != null && !end.isAfter(clock.instant())) {
                return ERRORS.error(400, "Request_BadRequest", "The end date of the credential must be later than "
                    + "its start date.");
            }
            EntraDirectory.Password password = directory.addPassword(id, Json.text(credential, "displayName")
                .orElse(null), end).orElseThrow();
            ObjectNode answer = passwordJson(password).put("secretText", password.secret());
            answer.put("@odata.context", base + "/v1.0/$metadata#microsoft.graph.passwordCredential");
            return Reply.json(200, answer);
        }
    }

    private static ObjectNode applicationJson(EntraDirectory.App app) {
        ObjectNode node = Json.object().put("id", app.id()).put("appId", app.appId())
            .put("displayName", app.displayName()).put("createdDateTime", app.created().toString())
            .put("signInAudience", "AzureADMyOrg");
        node.putArray("identifierUris");
        node.putArray("keyCredentials");
        ArrayNode passwords = node.putArray("passwordCredentials");
        app.passwords().forEach(password -> passwords.add(passwordJson(password).putNull("secretText")));
        node.putArray("tags");
        return node;
    }

    private static ObjectNode passwordJson(EntraDirectory.Password password) {
        ObjectNode node = Json.object().putNull("customKeyIdentifier");
        if (password.displayName() == null) {
            node.putNull("displayName");
        } else {
            node.put("displayName", password.displayName());
        }
        return node.put("endDateTime", password.end().toString()).put("hint", password.hint())
            .put("keyId", password.keyId()).put("startDateTime", password.start().toString());
    }

    private static ObjectNode servicePrincipalJson(EntraDirectory.ServicePrincipal principal) {
        ObjectNode node = Json.object().put("id", principal.id()).put("appId", principal.appId())
            .put("displayName", principal.displayName()).put("appDisplayName", principal.displayName())
            .put("accountEnabled", true).put("servicePrincipalType", "Application");
        node.putArray("servicePrincipalNames").add(principal.appId());
        node.putArray("passwordCredentials");
        node.putArray("tags");
        return node;
    }

    private static ObjectNode entity(ObjectNode node, String type, URI base) {
        ObjectNode answer = Json.object().put("@odata.context", base + "/v1.0/$metadata#" + type + "/$entity");
        answer.setAll(node);
        return answer;
    }

    private static Reply notFound(String id) {
        return ERRORS.error(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its "
            + "queried reference-property objects are not present.");
    }

    private static Reply methodNotAllowed(String method) {
        return ERRORS.error(405, "Request_BadRequest", "The method '" + method + "' is not supported here.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
