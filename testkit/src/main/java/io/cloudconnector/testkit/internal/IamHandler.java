package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxSeed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM (query protocol, 2010-05-08): roles with URL-encoded trust policies, users, attached managed policies paged
 * by {@code Marker}, access keys (at most two per user, as IAM allows), and the writes provisioning needs (create
 * role, service-linked role or user, attach and detach policies, update a trust policy, create an access key). When a
 * seed region has an AWS Config recorder, the account has AWS Config's service-linked role. Thread-safe: every
 * method locks the handler.
 */
final class IamHandler {

    /** A role as IAM holds it. */
    static final class RoleState {
        final String name;
        final String path;
        final String roleId;
        final Instant created;
        String trustPolicy;
        final List<String> policies;
        final int maxSession;

        RoleState(String name, String path, String roleId, Instant created, String trustPolicy, List<String> policies,
            int maxSession) {
            this.name = name;
            this.path = path;
            this.roleId = roleId;
            this.created = created;
            this.trustPolicy = trustPolicy;
            this.policies = new ArrayList<>(policies);
            this.maxSession = maxSession;
        }
    }

    private static final class UserState {
        final String name;
        final String userId;
        final Instant created;
        final List<String> policies;

        UserState(String name, String userId, Instant created, List<String> policies) {
            this.name = name;
            this.userId = userId;
            this.created = created;
            this.policies = new ArrayList<>(policies);
        }
    }

    /** The service-linked role a service gets, and the managed policy attached to it. */
    private record ServiceLinked(String roleName, String policyArn) {
    }

    private static final Instant SEED_CREATED = Instant.parse("2023-06-01T10:15:30Z");
    private static final String CONFIG_SERVICE = "config.amazonaws.com";
    private static final String SERVICE_ROLE_POLICY = "arn:aws:iam::aws:policy/aws-service-role/";
    private static final Map<String, ServiceLinked> SERVICE_LINKED = Map.of(
        CONFIG_SERVICE, new ServiceLinked("AWSServiceRoleForConfig", SERVICE_ROLE_POLICY
            + "AWSConfigServiceRolePolicy"),
        "securityhub.amazonaws.com", new ServiceLinked("AWSServiceRoleForSecurityHub", SERVICE_ROLE_POLICY
            + "AWSSecurityHubServiceRolePolicy"),
        "ssm.amazonaws.com", new ServiceLinked("AWSServiceRoleForAmazonSSM", SERVICE_ROLE_POLICY
            + "AmazonSSMServiceRolePolicy"));
    private static final int ACCESS_KEYS_PER_USER = 2;

    private final String account;
    private final Principals principals;
    private final PageTokens tokens;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, RoleState> roles = new LinkedHashMap<>();
    private final Map<String, UserState> users = new LinkedHashMap<>();
    private int sequence;

    IamHandler(SandboxSeed seed, Principals principals, PageTokens tokens, Clock clock, int pageSize) {
        this.account = seed.accountId();
        this.principals = principals;
        this.tokens = tokens;
        this.clock = clock;
        this.pageSize = pageSize;
        seed.roles().forEach(r -> roles.put(r.name(), new RoleState(r.name(), "/", nextId("AROA"), SEED_CREATED,
            r.trustPolicy(), r.attachedPolicyArns(), r.maxSessionDurationSeconds())));
        if (seed.regions().stream().anyMatch(region -> region.config().isPresent())) {
            RoleState config = serviceLinkedRole(CONFIG_SERVICE, SEED_CREATED);
            roles.putIfAbsent(config.name, config);
        }
        seed.users().forEach(u -> users.put(u.name(), new UserState(u.name(), nextId("AIDA"), SEED_CREATED,
            u.attachedPolicyArns())));
    }

    synchronized Reply handle(AwsRequest call, Principals.Principal caller) {
        return switch (call.operation) {
            case "GetRole" -> withRole(call, role -> call.queryResult(roleXml(role)));
            case "ListAttachedRolePolicies" -> withRole(call, role -> listPolicies(call, role.name, role.policies));
            case "GetUser" -> getUser(call, caller);
            case "ListAttachedUserPolicies" -> withUser(call, user -> listPolicies(call, user.name, user.policies));
            case "CreateRole" -> createRole(call);
            case "CreateServiceLinkedRole" -> createServiceLinkedRole(call);
            case "UpdateAssumeRolePolicy" -> withRole(call, role -> {
                role.trustPolicy = call.param("PolicyDocument").orElse(role.trustPolicy);
                return call.queryResult("");
            });
            case "AttachRolePolicy" -> withRole(call, role -> attach(call, role.policies));
            case "DetachRolePolicy" -> withRole(call, role -> detach(call, role.policies));
            case "CreateUser" -> createUser(call);
            case "AttachUserPolicy" -> withUser(call, user -> attach(call, user.policies));
            case "CreateAccessKey" -> createAccessKey(call, caller);
            case "ListAccessKeys" -> listAccessKeys(call, caller);
            default -> call.service.error(400, "InvalidAction", "The action " + call.operation
                + " is not valid for this web service.");
        };
    }

    /** The role named {@code name}, for STS and the connector's state; callers hold no lock on the result. */
    synchronized Optional<RoleState> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** The managed policies attached to role {@code name}; empty when there is no such role. */
    synchronized List<String> rolePolicies(String name) {
        RoleState role = roles.get(name);
        return role == null ? List.of() : List.copyOf(role.policies);
    }

    /** The trust policy of role {@code name}. */
    synchronized Optional<String> trustPolicy(String name) {
        return Optional.ofNullable(roles.get(name)).map(r -> r.trustPolicy);
    }

    private Reply withRole(AwsRequest call, java.util.function.Function<RoleState, Reply> action) {
        String name = call.param("RoleName").orElse("");
        RoleState role = roles.get(name);
        return role == null ? noSuchEntity(call, "The role with name " + name + " cannot be found.")
            : action.apply(role);
    }

    private Reply withUser(AwsRequest call, java.util.function.Function<UserState, Reply> action) {
        String name = call.param("UserName").orElse("");
        UserState user = users.get(name);
        return user == null ? noSuchEntity(call, "The user with name " + name + " cannot be found.")
            : action.apply(user);
    }

    private Reply getUser(AwsRequest call, Principals.Principal caller) {
        String name = call.param("UserName").orElseGet(() -> caller.arn().substring(caller.arn().lastIndexOf('/') + 1));
        UserState user = users.get(name);
        if (user == null) {
            return noSuchEntity(call, "The user with name " + name + " cannot be found.");
        }
        return call.queryResult(new Xml().open("User").leaf("Path", "/").leaf("UserName", user.name)
            .leaf("UserId", user.userId).leaf("Arn", userArn(user.name)).leaf("CreateDate", user.created)
            .close("User").toString());
    }

    private Reply listPolicies(AwsRequest call, String owner, List<String> policies) {
        String scope = call.operation + ":" + owner;
        int start = 0;
        Optional<String> marker = call.param("Marker");
        if (marker.isPresent()) {
            PageTokens.Redeemed redeemed = tokens.redeem(marker.get(), scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return call.service.error(400, "InvalidInput", "Invalid Marker.");
            }
            start = redeemed.offset();
        }
        int maxItems = call.param("MaxItems").map(Integer::parseInt).orElse(100);
        int end = Math.min(policies.size(), start + Math.min(maxItems, pageSize));
        Xml xml = new Xml().open("AttachedPolicies");
        for (String arn : policies.subList(Math.min(start, policies.size()), end)) {
            xml.open("member").leaf("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).leaf("PolicyArn", arn)
                .close("member");
        }
        xml.close("AttachedPolicies").leaf("IsTruncated", end < policies.size());
        if (end < policies.size()) {
            xml.leaf("Marker", tokens.issue(scope, end));
        }
        return call.queryResult(xml.toString());
    }

    private Reply createRole(AwsRequest call) {
        String name = call.param("RoleName").orElse("");
        if (roles.containsKey(name)) {
            return call.service.error(409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
        }
        RoleState role = new RoleState(name, call.param("Path").orElse("/"), nextId("AROA"), clock.instant(),
            call.param("AssumeRolePolicyDocument").orElse("{}"), List.of(),
            call.param("MaxSessionDuration").map(Integer::parseInt).orElse(3600));
        roles.put(name, role);
        return call.queryResult(roleXml(role));
    }

    private Reply createServiceLinkedRole(AwsRequest call) {
        String service = call.param("AWSServiceName").orElse("");
        ServiceLinked linked = SERVICE_LINKED.get(service);
        if (linked == null) {
            return call.service.error(400, "InvalidInput", "Service name " + service + " is not a valid AWS service "
                + "name, or the service does not support service-linked roles.");
        }
        if (roles.containsKey(linked.roleName())) {
            return call.service.error(400, "InvalidInput", "Service role name " + linked.roleName() + " has been "
                + "taken in this account, please try a different suffix.");
        }
        RoleState role = serviceLinkedRole(service, clock.instant());
        roles.put(role.name, role);
        return call.queryResult(roleXml(role));
    }

    private RoleState serviceLinkedRole(String service, Instant created) {
        ServiceLinked linked = SERVICE_LINKED.get(service);
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"" + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        return new RoleState(linked.roleName(), "/aws-service-role/" + service + "/", nextId("AROA"), created, trust,
            List.of(linked.policyArn()), 3600);
    }

    private Reply createUser(AwsRequest call) {
        String name = call.param("UserName").orElse("");
        if (users.containsKey(name)) {
            return call.service.error(409, "EntityAlreadyExists", "User with name " + name + " already exists.");
        }
        UserState user = new UserState(name, nextId("AIDA"), clock.instant(), List.of());
        users.put(name, user);
        return call.queryResult(new Xml().open("User").leaf("Path", "/").leaf("UserName", name)
            .leaf("UserId", user.userId).leaf("Arn", userArn(name)).leaf("CreateDate", user.created).close("User")
            .toString());
    }

    private Reply createAccessKey(AwsRequest call, Principals.Principal caller) {
        String name = call.param("UserName").orElseGet(() -> caller.arn().substring(caller.arn().lastIndexOf('/') + 1));
        if (!users.containsKey(name)) {
            return noSuchEntity(call, "The user with name " + name + " cannot be found.");
        }
        if (principals.userKeyIds(account, name).size() >= ACCESS_KEYS_PER_USER) {
            return call.service.error(409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: "
                + ACCESS_KEYS_PER_USER);
        }
        String accessKeyId = principals.newAccessKeyId("AKIA");
        String secret = principals.newSecretKey();
        principals.addUserKey(account, name, accessKeyId, secret);
        return call.queryResult(new Xml().open("AccessKey").leaf("UserName", name).leaf("AccessKeyId", accessKeyId)
            .leaf("Status", "Active").leaf("SecretAccessKey", secret).leaf("CreateDate", clock.instant())
            .close("AccessKey").toString());
    }

    private Reply listAccessKeys(AwsRequest call, Principals.Principal caller) {
        String name = call.param("UserName").orElseGet(() -> caller.arn().substring(caller.arn().lastIndexOf('/') + 1));
        if (!users.containsKey(name)) {
            return noSuchEntity(call, "The user with name " + name + " cannot be found.");
        }
        Xml xml = new Xml().open("AccessKeyMetadata");
        for (String accessKeyId : principals.userKeyIds(account, name)) {
            xml.open("member").leaf("UserName", name).leaf("AccessKeyId", accessKeyId).leaf("Status", "Active")
                .close("member");
        }
        return call.queryResult(xml.close("AccessKeyMetadata").leaf("IsTruncated", false).toString());
    }

    private Reply attach(AwsRequest call, List<String> policies) {
        String arn = call.param("PolicyArn").orElse("");
        if (!arn.matches("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+")) {
            return call.service.error(400, "InvalidInput", "ARN " + arn + " is not valid.");
        }
        if (!policies.contains(arn)) {
            policies.add(arn);
        }
        return call.queryResult("");
    }

    private Reply detach(AwsRequest call, List<String> policies) {
        String arn = call.param("PolicyArn").orElse("");
        if (!policies.remove(arn)) {
            return noSuchEntity(call, "Policy " + arn + " was not found.");
        }
        return call.queryResult("");
    }

    private String roleXml(RoleState role) {
        return new Xml().open("Role").leaf("Path", role.path).leaf("RoleName", role.name).leaf("RoleId", role.roleId)
            .leaf("Arn", "arn:aws:iam::" + account + ":role" + role.path + role.name).leaf("CreateDate", role.created)
            .leaf("AssumeRolePolicyDocument", urlEncode(role.trustPolicy)).leaf("MaxSessionDuration", role.maxSession)
            .empty("RoleLastUsed").close("Role").toString();
    }

    private static Reply noSuchEntity(AwsRequest call, String message) {
        return call.service.error(404, "NoSuchEntity", message);
    }

    private String userArn(String name) {
        return "arn:aws:iam::" + account + ":user/" + name;
    }

    private String nextId(String prefix) {
        sequence++;
        return prefix + String.format("SANDBOX%013d", sequence);
    }

    /** RFC 3986 percent-encoding, as IAM returns policy documents. */
    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
            .replace("%7E", "~");
    }
}
