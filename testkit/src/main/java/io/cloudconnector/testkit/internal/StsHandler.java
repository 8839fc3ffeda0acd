package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (query protocol, 2011-06-15): GetCallerIdentity (the caller's account), and AssumeRole of a role of any account
 * of the seed, checked against the role's trust policy. The sandbox plays the principal the trust policy names
 * (Microsoft's account), so only the External ID condition and Deny statements decide; a mismatch is the real 403
 * AccessDenied. The session credentials issued belong to the role's account.
 */
final class StsHandler {

    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):role/(?:.*/)?([^/]+)$");
    private static final Pattern SESSION_NAME = Pattern.compile("^[\\w+=,.@-]{2,64}$");

    private final Function<String, Optional<IamHandler>> iamOf;
    private final Principals principals;

    /** STS over the IAM of each account, found by account ID with {@code iamOf}. */
    StsHandler(Function<String, Optional<IamHandler>> iamOf, Principals principals) {
        this.iamOf = iamOf;
        this.principals = principals;
    }

    Reply handle(AwsRequest call, Principals.Principal caller) {
        return switch (call.operation) {
            case "GetCallerIdentity" -> call.queryResult(new Xml().leaf("UserId", caller.userId())
                .leaf("Account", caller.account()).leaf("Arn", caller.arn()).toString());
            case "AssumeRole" -> assumeRole(call, caller);
            default -> call.service.error(400, "InvalidAction", "Could not find operation " + call.operation
                + " for version 2011-06-15");
        };
    }

    private Reply assumeRole(AwsRequest call, Principals.Principal caller) {
        String roleArn = call.param("RoleArn").orElse("");
        String sessionName = call.param("RoleSessionName").orElse("");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            return call.service.error(400, "ValidationError", "1 validation error detected: Value '" + sessionName
                + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [\\w+=,.@-]*");
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        Optional<IamHandler> iam = arn.matches() ? iamOf.apply(arn.group(1)) : Optional.empty();
        Optional<IamHandler.RoleState> role = iam.flatMap(handler -> handler.role(arn.group(2)));
        Optional<String> externalId = call.param("ExternalId");
        if (role.isEmpty() || !trusts(iam.get().trustPolicy(role.get().name).orElse("{}"), externalId)) {
            return call.service.error(403, "AccessDenied", "User: " + caller.arn()
                + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        int duration = call.param("DurationSeconds").map(Integer::parseInt).orElse(3600);
        if (duration < 900 || duration > role.get().maxSession) {
            return call.service.error(400, "ValidationError", "The requested DurationSeconds exceeds the "
                + "MaxSessionDuration set for this role.");
        }
        Principals.Session session = principals.assume(arn.group(1), role.get().name, role.get().roleId,
            sessionName, Duration.ofSeconds(duration));
        return call.queryResult(new Xml().open("Credentials")
            .leaf("AccessKeyId", session.principal().accessKeyId()).leaf("SecretAccessKey", session.secretAccessKey())
            .leaf("SessionToken", session.sessionToken()).leaf("Expiration", session.expiration())
            .close("Credentials").open("AssumedRoleUser").leaf("AssumedRoleId", session.principal().userId())
            .leaf("Arn", session.principal().arn()).close("AssumedRoleUser").leaf("PackedPolicySize", 6).toString());
    }

    /**
     * Whether the trust policy lets the caller assume the role with {@code externalId}: an Allow statement for
     * {@code sts:AssumeRole} whose {@code sts:ExternalId} condition (if any) lists it, and no matching Deny.
     */
    static boolean trusts(String policy, Optional<String> externalId) {
        JsonNode document = Json.parse(policy).orElse(Json.object());
        boolean allowed = false;
        for (JsonNode statement : statements(document)) {
            if (!assumes(statement.path("Action"))) {
                continue;
            }
            boolean conditionHolds = externalIdMatches(statement.path("Condition"), externalId);
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny") && conditionHolds) {
                return false;
            }
            allowed |= effect.equals("Allow") && conditionHolds;
        }
        return allowed;
    }

    private static List<JsonNode> statements(JsonNode document) {
        JsonNode statement = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(list::add);
        } else if (statement.isObject()) {
            list.add(statement);
        }
        return list;
    }

    private static boolean assumes(JsonNode action) {
        List<String> actions = new ArrayList<>();
        if (action.isTextual()) {
            actions.add(action.asText());
        }
        action.forEach(a -> actions.add(a.asText()));
        return actions.stream().anyMatch(a -> a.equals("sts:AssumeRole") || a.equals("sts:*") || a.equals("*"));
    }

    private static boolean externalIdMatches(JsonNode condition, Optional<String> externalId) {
        JsonNode expected = condition.path("StringEquals").path("sts:ExternalId");
        if (expected.isMissingNode()) {
            return true;
        }
        List<String> values = new ArrayList<>();
        if (expected.isTextual()) {
            values.add(expected.asText());
        }
        expected.forEach(v -> values.add(v.asText()));
        return externalId.isPresent() && values.contains(externalId.get());
    }
}
