package io.cloudconnector.internal;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Secret;
import io.cloudconnector.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a valid {@link ConnectorSpec}; every violation is collected before one exception is thrown.
 *
 * <p>Where a rule comes from: identifiers and ARNs from the IAM and STS API references (role names and External IDs
 * as {@code sts:AssumeRole} accepts them), names from Azure's resource naming rules ({@code Microsoft.Security}
 * connectors: 1 to 260 letters, digits, '_' and '-'; resource groups; tags), the proxy from what the Azure Arc agent
 * accepts ({@code azcmagent config set proxy.url}), and the rescan interval from the connector's scan interval.
 */
public final class SpecValidator {

    /** The longest connector (Azure resource) name. */
    private static final int MAX_CONNECTOR_NAME = 260;
    /** The longest display name: it is also the value of a tag on every Arc machine. */
    private static final int MAX_DISPLAY_NAME = 256;
    private static final int MAX_RESOURCE_GROUP = 90;
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_NAME = 512;
    private static final int MAX_TAG_VALUE = 256;
    private static final Duration MIN_RESCAN = Duration.ofHours(1);
    private static final Duration MAX_RESCAN = Duration.ofHours(24);
    private static final int SECRET_ACCESS_KEY_LENGTH = 40;

    private static final Pattern GUID =
        Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN =
        Pattern.compile("arn:(aws|aws-us-gov|aws-cn):iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final Pattern AWS_REGION = Pattern.compile(
        "[a-z]{2}(-gov|-iso[a-z]?)?-(central|north|south|east|west|northeast|northwest|southeast|southwest)-[1-9]\\d?");
    private static final Pattern IAM_USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern CONNECTOR_NAME_CHAR = Pattern.compile("[A-Za-z0-9_-]");
    private static final Pattern RESOURCE_GROUP_CHAR = Pattern.compile("[\\p{L}\\p{N}_.()-]");
    private static final Pattern TAG_NAME_CHAR = Pattern.compile("[^<>%&\\\\?/\\p{Cntrl}]");

    private final List<Violation> violations = new ArrayList<>();

    private SpecValidator() {
    }

    /**
     * Checks {@code spec} against every rule.
     *
     * @throws InvalidSpecException listing every broken rule, in the order the fields are declared
     */
    public static void validate(ConnectorSpec spec) {
        SpecValidator validator = new SpecValidator();
        validator.names(spec);
        validator.guid("subscriptionId", spec.subscriptionId());
        validator.guid("tenantId", spec.tenantId());
        validator.awsAccountId(spec.awsAccountId());
        validator.authentication(spec);
        validator.regions(spec.regions());
        spec.arc().ifPresent(validator::arc);
        spec.onboardingUserName().ifPresent(validator::onboardingUserName);
        validator.rescanInterval(spec.rescanInterval());
        if (!validator.violations.isEmpty()) {
            throw new InvalidSpecException(validator.violations);
        }
    }

    /**
     * Turns the {@link IllegalStateException} a generated builder throws for unset required attributes into an
     * {@link InvalidSpecException} naming each missing field under {@code prefix}; any other exception is returned
     * unchanged.
     */
    public static RuntimeException missingAttributes(IllegalStateException failure, String prefix) {
        String message = String.valueOf(failure.getMessage());
        int open = message.lastIndexOf('[');
        if (!message.contains("required attributes are not set") || open < 0 || !message.endsWith("]")) {
            return failure;
        }
        List<Violation> missing = new ArrayList<>();
        for (String attribute : message.substring(open + 1, message.length() - 1).split(",\\s*")) {
            missing.add(Violation.of(prefix + attribute, "is required", ""));
        }
        return new InvalidSpecException(missing);
    }

    private void names(ConnectorSpec spec) {
        String displayName = spec.displayName();
        if (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME) {
            add("displayName", "must be 1 to " + MAX_DISPLAY_NAME + " characters, not only white space", displayName);
        }
        if (spec.connectorName().equals(displayName)) {
            connectorName("displayName", displayName,
                " (the connector's Azure resource name defaults to the display name; set connectorName to keep this"
                    + " display name)");
        } else {
            connectorName("connectorName", spec.connectorName(), "");
        }
    }

    private void connectorName(String field, String name, String hint) {
        String rule = "must be 1 to " + MAX_CONNECTOR_NAME + " characters of letters, digits, '_' and '-'";
        if (name.isEmpty() || name.length() > MAX_CONNECTOR_NAME) {
            add(field, rule + hint, name);
            return;
        }
        String forbidden = forbiddenCharacters(name, CONNECTOR_NAME_CHAR);
        if (!forbidden.isEmpty()) {
            add(field, rule + "; not allowed: " + forbidden + hint, name);
        }
    }

    private void guid(String field, String value) {
        if (!GUID.matcher(value).matches()) {
            add(field, "must be a GUID such as 00000000-0000-0000-0000-000000000000", value);
        }
    }

    private void awsAccountId(String accountId) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            add("awsAccountId", "must be exactly 12 digits", accountId);
        }
    }

    private void authentication(ConnectorSpec spec) {
        AwsAuthentication authentication = spec.authentication();
        if (authentication instanceof AwsAuthentication.AssumeRole role) {
            roleArn(role.roleArn(), spec.awsAccountId());
            role.externalId().ifPresent(externalId -> externalId(externalId, spec));
        } else if (authentication instanceof AwsAuthentication.AccessKeys keys) {
            accessKeys(keys);
            if (spec.generation() == ConnectorGeneration.CURRENT) {
                add("authentication", "must be assume-role: the current connector generation"
                    + " (Microsoft.Security/securityConnectors) reaches AWS only through IAM roles", "accessKeys");
            }
        }
    }

    private void roleArn(String arn, String accountId) {
        Matcher matcher = ROLE_ARN.matcher(arn);
        if (!matcher.matches()) {
            add("authentication.roleArn", "must be arn:{aws|aws-us-gov|aws-cn}:iam::{12-digit account}:role/{path/}name"
                + " with a role name of 1 to 64 characters of letters, digits and +=,.@_-", arn);
        } else if (!matcher.group(2).equals(accountId)) {
            add("authentication.roleArn", "must be a role in the spec's AWS account " + accountId, arn);
        }
    }

    private void externalId(String externalId, ConnectorSpec spec) {
        if (!EXTERNAL_ID.matcher(externalId).matches()) {
            add("authentication.externalId", "must be 2 to 1224 characters of letters, digits and +=,.@:/_-",
                externalId);
        } else if (spec.generation() == ConnectorGeneration.CLASSIC && !externalId.equals(spec.subscriptionId())) {
            add("authentication.externalId", "must equal the Azure subscription ID " + spec.subscriptionId()
                + " for the classic connector, which always assumes the role with the subscription ID as External ID"
                + " (omit it to use the subscription ID)", externalId);
        }
    }

    private void accessKeys(AwsAuthentication.AccessKeys keys) {
        if (!ACCESS_KEY_ID.matcher(keys.accessKeyId()).matches()) {
            add("authentication.accessKeyId",
                "must be 20 characters: AKIA or ASIA followed by upper-case letters and digits", keys.accessKeyId());
        }
        if (keys.secretAccessKey().length() != SECRET_ACCESS_KEY_LENGTH) {
            add("authentication.secretAccessKey", "must be " + SECRET_ACCESS_KEY_LENGTH + " characters; it has "
                + keys.secretAccessKey().length(), Secret.MASK);
        }
    }

    private void regions(List<String> regions) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            String field = "regions[" + i + "]";
            if (!AWS_REGION.matcher(region).matches()) {
                add(field, "must be an AWS region code such as us-east-1, us-gov-west-1 or cn-north-1", region);
            } else if (!seen.add(region)) {
                add(field, "must not repeat a region", region);
            }
        }
    }

    private void arc(ArcSettings arc) {
        resourceGroup(arc.resourceGroup());
        if (AzureRegions.locationName(arc.azureRegion()).isEmpty()) {
            add("arc.azureRegion", "must be an Azure region: a location name such as westus2 or a display name such"
                + " as West US 2", arc.azureRegion());
        }
        guid("arc.servicePrincipalId", arc.servicePrincipalId());
        secret("arc.servicePrincipalSecret", arc.servicePrincipalSecret());
        arc.proxy().ifPresent(this::proxy);
        tags(arc.tags());
    }

    private void resourceGroup(String name) {
        resourceGroupProblem(name).ifPresent(rule -> add("arc.resourceGroup", rule, name));
    }

    /** Whether {@code value} is a GUID such as an Azure subscription ID ({@code 8-4-4-4-12} hexadecimal digits). */
    public static boolean isGuid(String value) {
        return GUID.matcher(value).matches();
    }

    /**
     * The rule an Azure resource group name breaks, with the characters it may not hold; empty when it is valid.
     * Shared with {@link io.cloudconnector.ProvisioningOptions#arcResourceGroup()}.
     */
    public static Optional<String> resourceGroupProblem(String name) {
        String rule = "must be 1 to " + MAX_RESOURCE_GROUP + " characters of letters, digits, '_', '-', '.', '(' and"
            + " ')', not ending in '.'";
        if (name.isEmpty() || name.length() > MAX_RESOURCE_GROUP || name.endsWith(".")) {
            return Optional.of(rule);
        }
        String forbidden = forbiddenCharacters(name, RESOURCE_GROUP_CHAR);
        return forbidden.isEmpty() ? Optional.empty() : Optional.of(rule + "; not allowed: " + forbidden);
    }

    private void secret(String field, Secret secret) {
        if (secret.isEmpty()) {
            add(field, "must not be empty", Secret.MASK);
        } else if (secret.reveal().equals(Secret.MASK)) {
            add(field, "must be the real secret, not the mask " + Secret.MASK + " that a written spec holds"
                + " (write it with SpecJson.writeRevealingSecrets, or set the secret)", Secret.MASK);
        }
    }

    private void proxy(URI proxy) {
        String shown = withoutUserInfo(proxy);
        String scheme = proxy.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            add("arc.proxy", "must be http://host:port or https://host:port", shown);
        }
        if (proxy.getRawUserInfo() != null) {
            add("arc.proxy", "must not hold a user name or password: Azure Arc extensions cannot use an"
                + " authenticated proxy", shown);
        }
        if (proxy.getHost() == null) {
            add("arc.proxy", "must name a host (a DNS name or IP address): http://host:port", shown);
        } else if (proxy.getPort() < 1 || proxy.getPort() > 65535) {
            add("arc.proxy", "must name a port from 1 to 65535: http://host:port", shown);
        }
        String path = proxy.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || proxy.getRawQuery() != null
            || proxy.getRawFragment() != null) {
            add("arc.proxy", "must not have a path, query or fragment: http://host:port", shown);
        }
    }

    private void tags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            add("arc.tags", "must hold at most " + MAX_TAGS + " tags", tags.size() + " tags");
        }
        tags.forEach((name, value) -> {
            String forbidden = forbiddenCharacters(name, TAG_NAME_CHAR);
            if (name.isEmpty() || name.length() > MAX_TAG_NAME || !forbidden.isEmpty()) {
                add("arc.tags", "tag names must be 1 to " + MAX_TAG_NAME + " characters without < > % & \\ ? / or"
                    + " control characters" + (forbidden.isEmpty() ? "" : "; not allowed: " + forbidden), name);
            }
            if (value.length() > MAX_TAG_VALUE) {
                add("arc.tags[" + name + "]", "tag values must be at most " + MAX_TAG_VALUE + " characters", value);
            }
        });
    }

    private void onboardingUserName(String userName) {
        if (!IAM_USER_NAME.matcher(userName).matches()) {
            add("onboardingUserName", "must be an IAM user name: 1 to 64 characters of letters, digits and +=,.@_-",
                userName);
        }
    }

    private void rescanInterval(Duration interval) {
        if (interval.compareTo(MIN_RESCAN) < 0 || interval.compareTo(MAX_RESCAN) > 0
            || !interval.equals(Duration.ofHours(interval.toHours()))) {
            add("rescanInterval", "must be a whole number of hours from " + MIN_RESCAN.toHours() + " to "
                + MAX_RESCAN.toHours(), interval.toString());
        }
    }

    private void add(String field, String rule, String value) {
        violations.add(Violation.of(field, rule, value));
    }

    /** The distinct characters of {@code value} that {@code allowed} does not match, quoted, in order. */
    private static String forbiddenCharacters(String value, Pattern allowed) {
        return value.codePoints()
            .distinct()
            .filter(c -> !allowed.matcher(Character.toString(c)).matches())
            .mapToObj(c -> Character.isISOControl(c) ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'")
            .collect(Collectors.joining(" "));
    }

    /** The proxy as it may be shown: user name and password replaced by {@value Secret#MASK}. */
    private static String withoutUserInfo(URI proxy) {
        String text = proxy.toString();
        String userInfo = proxy.getRawUserInfo();
        return userInfo == null ? text : text.replace(userInfo + "@", Secret.MASK + "@");
    }
}
