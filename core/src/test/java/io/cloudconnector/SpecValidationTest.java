package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidationTest {

    private static final String GUID_RULE = "must be a GUID";
    private static final String ROLE_ARN_RULE = "must be arn:{aws|aws-us-gov|aws-cn}:iam::{12-digit account}:role/";
    private static final String EXTERNAL_ID_RULE = "must be 2 to 1224 characters of letters, digits and +=,.@:/_-";
    private static final String ACCESS_KEY_RULE = "must be 20 characters: AKIA or ASIA followed by upper-case";
    private static final String REGION_RULE = "must be an AWS region code";
    private static final String RESOURCE_GROUP_RULE = "must be 1 to 90 characters of letters, digits, '_', '-', '.',";
    private static final String PROXY_RULE = "must be http://host:port or https://host:port";
    private static final String RESCAN_RULE = "must be a whole number of hours from 1 to 24";

    static Stream<Arguments> badSpecs() {
        return Stream.of(
            bad("blank display name", () -> Specs.builder().displayName("   ").connectorName("aws-prod"),
                "displayName", "must be 1 to 256 characters, not only white space"),
            bad("display name too long for a tag value", () -> Specs.builder().displayName("d".repeat(257))
                .connectorName("aws-prod"), "displayName", "must be 1 to 256 characters"),
            bad("display name with a space, used as connector name", () -> Specs.builder().displayName("AWS prod"),
                "displayName", "not allowed: ' ' (the connector's Azure resource name defaults to the display name"),
            bad("display name with a slash and a dot", () -> Specs.builder().displayName("aws/prod.1"),
                "displayName", "not allowed: '/' '.'"),
            bad("connector name with a dot", () -> Specs.builder().displayName("AWS prod").connectorName("aws.prod"),
                "connectorName", "must be 1 to 260 characters of letters, digits, '_' and '-'; not allowed: '.'"),
            bad("connector name too long", () -> Specs.builder().connectorName("c".repeat(261)),
                "connectorName", "must be 1 to 260 characters of letters, digits, '_' and '-'"),
            bad("empty connector name", () -> Specs.builder().connectorName(""),
                "connectorName", "must be 1 to 260 characters"),
            bad("subscription ID not a GUID", () -> Specs.builder().subscriptionId("my-subscription"),
                "subscriptionId", GUID_RULE),
            bad("subscription ID without dashes", () -> Specs.builder()
                .subscriptionId("11111111222233334444555555555555"), "subscriptionId", GUID_RULE),
            bad("empty tenant ID", () -> Specs.builder().tenantId(""), "tenantId", GUID_RULE),
            bad("tenant ID in braces", () -> Specs.builder().tenantId("{" + Specs.TENANT_ID + "}"),
                "tenantId", GUID_RULE),
            bad("account ID of 11 digits", () -> Specs.builder().awsAccountId("12345678901")
                .authentication(AwsAuthentication.accessKeys(Specs.ACCESS_KEY_ID, Secret.of(Specs.SECRET_ACCESS_KEY))),
                "awsAccountId", "must be exactly 12 digits"),
            bad("account ID of 13 digits", () -> Specs.withAccessKeys(Specs.ACCESS_KEY_ID, Specs.SECRET_ACCESS_KEY)
                .awsAccountId("1234567890123"), "awsAccountId", "must be exactly 12 digits"),
            bad("account ID with a letter", () -> Specs.withAccessKeys(Specs.ACCESS_KEY_ID, Specs.SECRET_ACCESS_KEY)
                .awsAccountId("12345678901a"), "awsAccountId", "must be exactly 12 digits"),
            bad("role ARN of a user", () -> assumeRole("arn:aws:iam::012345678901:user/onboarding"),
                "authentication.roleArn", ROLE_ARN_RULE),
            bad("role ARN in an unknown partition", () -> assumeRole("arn:aws-iso:iam::012345678901:role/Asc"),
                "authentication.roleArn", ROLE_ARN_RULE),
            bad("role ARN with a 65-character name", () -> assumeRole("arn:aws:iam::012345678901:role/"
                + "r".repeat(65)), "authentication.roleArn", ROLE_ARN_RULE),
            bad("role ARN without a name", () -> assumeRole("arn:aws:iam::012345678901:role/"),
                "authentication.roleArn", ROLE_ARN_RULE),
            bad("role ARN of another account", () -> assumeRole("arn:aws:iam::210987654321:role/AscConnector"),
                "authentication.roleArn", "must be a role in the spec's AWS account 012345678901"),
            bad("External ID of one character", () -> assumeRole(Specs.ROLE_ARN, "x"),
                "authentication.externalId", EXTERNAL_ID_RULE),
            bad("External ID with a space", () -> assumeRole(Specs.ROLE_ARN, "external id"),
                "authentication.externalId", EXTERNAL_ID_RULE),
            bad("External ID of 1225 characters", () -> assumeRole(Specs.ROLE_ARN, "e".repeat(1225)),
                "authentication.externalId", EXTERNAL_ID_RULE),
            bad("classic connector External ID not the subscription ID", () -> assumeRole(Specs.ROLE_ARN, "my-ext-id"),
                "authentication.externalId", "must equal the Azure subscription ID " + Specs.SUBSCRIPTION_ID
                    + " for the classic connector"),
            bad("access key ID too short", () -> Specs.withAccessKeys("AKIA1234", Specs.SECRET_ACCESS_KEY),
                "authentication.accessKeyId", ACCESS_KEY_RULE),
            bad("access key ID in lower case", () -> Specs.withAccessKeys("akiaiosfodnn7example",
                Specs.SECRET_ACCESS_KEY), "authentication.accessKeyId", ACCESS_KEY_RULE),
            bad("access key ID of a user, not a key", () -> Specs.withAccessKeys("AIDAIOSFODNN7EXAMPLE",
                Specs.SECRET_ACCESS_KEY), "authentication.accessKeyId", ACCESS_KEY_RULE),
            bad("secret access key of 39 characters", () -> Specs.withAccessKeys(Specs.ACCESS_KEY_ID,
                Specs.SECRET_ACCESS_KEY.substring(1)),
                "authentication.secretAccessKey", "must be 40 characters; it has 39"),
            bad("access keys for the current connector", () -> Specs.withAccessKeys(Specs.ACCESS_KEY_ID,
                Specs.SECRET_ACCESS_KEY).generation(ConnectorGeneration.CURRENT),
                "authentication", "must be assume-role"),
            bad("region in upper case", () -> Specs.builder().regions(List.of("US-EAST-1")),
                "regions[0]", REGION_RULE),
            bad("region without a number", () -> Specs.builder().regions(List.of("us-east-1", "us-east")),
                "regions[1]", REGION_RULE),
            bad("region without dashes", () -> Specs.builder().regions(List.of("useast1")),
                "regions[0]", REGION_RULE),
            bad("Azure location given as AWS region", () -> Specs.builder().regions(List.of("westus2")),
                "regions[0]", REGION_RULE),
            bad("duplicate region", () -> Specs.builder().regions(List.of("eu-west-1", "us-east-1",
                "eu-west-1")), "regions[2]", "must not repeat a region"),
            bad("empty resource group", () -> Specs.withArc(arc -> arc.resourceGroup("")),
                "arc.resourceGroup", RESOURCE_GROUP_RULE),
            bad("resource group ending in a dot", () -> Specs.withArc(arc -> arc.resourceGroup("rg-arc.")),
                "arc.resourceGroup", "not ending in '.'"),
            bad("resource group with slashes", () -> Specs.withArc(arc -> arc.resourceGroup("rg/arc/x")),
                "arc.resourceGroup", "not allowed: '/'"),
            bad("resource group of 91 characters", () -> Specs.withArc(arc -> arc.resourceGroup("g".repeat(91))),
                "arc.resourceGroup", RESOURCE_GROUP_RULE),
            bad("unknown Azure region", () -> Specs.withArc(arc -> arc.azureRegion("West Moon 9")),
                "arc.azureRegion", "must be an Azure region: a location name such as westus2"),
            bad("AWS region as Azure region", () -> Specs.withArc(arc -> arc.azureRegion("us-east-1")),
                "arc.azureRegion", "must be an Azure region"),
            bad("service principal ID not a GUID", () -> Specs.withArc(arc -> arc.servicePrincipalId("onboarder")),
                "arc.servicePrincipalId", GUID_RULE),
            bad("empty service principal secret", () -> Specs.withArc(arc -> arc.servicePrincipalSecret(
                Secret.of(""))), "arc.servicePrincipalSecret", "must not be empty"),
            bad("masked service principal secret", () -> Specs.withArc(arc -> arc.servicePrincipalSecret(
                Secret.of(Secret.MASK))), "arc.servicePrincipalSecret", "must be the real secret, not the mask"),
            bad("FTP proxy", () -> proxy("ftp://proxy.example.com:21"), "arc.proxy", PROXY_RULE),
            bad("proxy without a port", () -> proxy("http://proxy.example.com"),
                "arc.proxy", "must name a port from 1 to 65535"),
            bad("proxy on port 0", () -> proxy("http://proxy.example.com:0"),
                "arc.proxy", "must name a port from 1 to 65535"),
            bad("proxy on port 70000", () -> proxy("https://proxy.example.com:70000"),
                "arc.proxy", "must name a port from 1 to 65535"),
            bad("proxy without a host", () -> proxy("http://:3128"), "arc.proxy", "must name a host"),
            bad("proxy with a user and password", () -> proxy("http://arc:hunter2@proxy.example.com:3128"),
                "arc.proxy", "must not hold a user name or password: Azure Arc extensions cannot use an"
                    + " authenticated proxy"),
            bad("proxy with a path", () -> proxy("http://proxy.example.com:3128/arc"),
                "arc.proxy", "must not have a path, query or fragment"),
            bad("proxy with a query", () -> proxy("http://proxy.example.com:3128?via=arc"),
                "arc.proxy", "must not have a path, query or fragment"),
            bad("proxy with a fragment", () -> proxy("http://proxy.example.com:3128#arc"),
                "arc.proxy", "must not have a path, query or fragment"),
            bad("51 tags", () -> Specs.withArc(arc -> arc.tags(tags(51))), "arc.tags", "must hold at most 50 tags"),
            bad("tag name with '<'", () -> Specs.withArc(arc -> arc.putTags("cost<center", "1")),
                "arc.tags", "tag names must be 1 to 512 characters without < > % & \\ ? / or control characters;"
                    + " not allowed: '<'"),
            bad("tag name with a tab", () -> Specs.withArc(arc -> arc.putTags("cost\tcenter", "1")),
                "arc.tags", "not allowed: U+0009"),
            bad("tag name of 513 characters", () -> Specs.withArc(arc -> arc.putTags("t".repeat(513), "1")),
                "arc.tags", "tag names must be 1 to 512 characters"),
            bad("empty tag name", () -> Specs.withArc(arc -> arc.putTags("", "1")),
                "arc.tags", "tag names must be 1 to 512 characters"),
            bad("tag value of 257 characters", () -> Specs.withArc(arc -> arc.putTags("note", "v".repeat(257))),
                "arc.tags[note]", "tag values must be at most 256 characters"),
            bad("rescan interval of zero", () -> Specs.builder().rescanInterval(Duration.ZERO),
                "rescanInterval", RESCAN_RULE),
            bad("rescan interval of 25 hours", () -> Specs.builder().rescanInterval(Duration.ofHours(25)),
                "rescanInterval", RESCAN_RULE),
            bad("rescan interval of 90 minutes", () -> Specs.builder().rescanInterval(Duration.ofMinutes(90)),
                "rescanInterval", RESCAN_RULE),
            bad("negative rescan interval", () -> Specs.builder().rescanInterval(Duration.ofHours(-6)),
                "rescanInterval", RESCAN_RULE),
            bad("onboarding user name with a space", () -> Specs.builder().onboardingUserName("arc onboarder"),
                "onboardingUserName", "must be an IAM user name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void build_badSpec_namesFieldAndRule(String description, Supplier<ConnectorSpec.Builder> spec, String field,
        String rule) {
        assertThatThrownBy(() -> spec.get().build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("  - " + field + ": ")
            .hasMessageContaining(rule)
            .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.rule()).contains(rule);
                }));
    }

    @Test
    void badSpecs_coverAtLeastFortyCases() {
        assertThat(badSpecs().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void build_manyBrokenRules_reportsEveryViolationInOneException() {
        assertThatThrownBy(() -> Specs.builder()
            .subscriptionId("sub")
            .tenantId("tenant")
            .awsAccountId("42")
            .regions(List.of("mars-1"))
            .rescanInterval(Duration.ofDays(2))
            .build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageStartingWith("Invalid connector spec (6 problems):")
            .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                .extracting(Violation::field)
                .containsExactly("subscriptionId", "tenantId", "awsAccountId", "authentication.roleArn",
                    "regions[0]", "rescanInterval"));
    }

    @Test
    void build_brokenSecretsAndProxyCredentials_neverShowTheirValues() {
        String awsSecret = "tooShortSecretKey/abc0123456789+XYZ4567";
        String proxyPassword = "proxy-pass-hunter2";

        assertThatThrownBy(() -> Specs.withAccessKeys(Specs.ACCESS_KEY_ID, awsSecret)
            .tenantId("not-a-guid")
            .arc(Specs.arcBuilder()
                .proxy(URI.create("http://arc-user:" + proxyPassword + "@proxy.example.com:3128"))
                .build())
            .build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication.secretAccessKey: must be 40 characters; it has 39 (was '***')")
            .hasMessageContaining("arc.proxy: must not hold a user name or password")
            .hasMessageContaining("(was 'http://***@proxy.example.com:3128')")
            .hasMessageNotContaining(awsSecret)
            .hasMessageNotContaining(proxyPassword)
            .hasMessageNotContaining("arc-user")
            .hasMessageNotContaining(Specs.SERVICE_PRINCIPAL_SECRET);
    }

    @Test
    void build_missingRequiredFields_namesEachField() {
        assertThatThrownBy(() -> ConnectorSpec.builder().displayName("aws-production").build())
            .isInstanceOf(InvalidSpecException.class)
            .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                    tuple("subscriptionId", "is required"),
                    tuple("tenantId", "is required"),
                    tuple("awsAccountId", "is required"),
                    tuple("authentication", "is required")))
            .hasMessageContaining("  - tenantId: is required\n");
    }

    @Test
    void build_arcSettingsMissingRequiredFields_namesEachFieldUnderArc() {
        assertThatThrownBy(() -> ArcSettings.builder().resourceGroup("rg").build())
            .isInstanceOf(InvalidSpecException.class)
            .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                .extracting(Violation::field)
                .containsExactly("arc.azureRegion", "arc.servicePrincipalId", "arc.servicePrincipalSecret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"West US 2", "westus2", "WestUS2", "WEST US 2"})
    void build_azureRegionInAnySpelling_isNormalisedToLocationName(String region) {
        ConnectorSpec spec = Specs.withArc(arc -> arc.azureRegion(region)).build();

        assertThat(spec.arc()).get().extracting(ArcSettings::azureRegion).isEqualTo("westus2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"US Gov Virginia", "USGov Virginia", "China North 3", "Southeast Asia", "UK South"})
    void build_sovereignAndMultiWordRegions_areKnown(String region) {
        ConnectorSpec spec = Specs.withArc(arc -> arc.azureRegion(region)).build();

        assertThat(spec.arc().orElseThrow().azureRegion()).isEqualTo(region.replace(" ", "").toLowerCase());
    }

    @Test
    void build_edgeValues_areAccepted() {
        ConnectorSpec spec = Specs.builder()
            .displayName("AWS production (EU)")
            .connectorName("c".repeat(260))
            .awsAccountId("000000000001")
            .authentication(AwsAuthentication.assumeRole("arn:aws-cn:iam::000000000001:role/team/ci/AscConnector",
                Specs.SUBSCRIPTION_ID))
            .regions(List.of("us-gov-west-1", "cn-north-1", "cn-northwest-1", "ap-southeast-5",
                "il-central-1", "me-central-1"))
            .arc(Specs.arcBuilder()
                .resourceGroup("Rg_(arc)-machines.v2")
                .proxy(URI.create("https://10.0.0.1:65535/"))
                .tags(tags(49))
                .putTags("k".repeat(462), "v".repeat(256))
                .build())
            .rescanInterval(Duration.ofHours(24))
            .build();

        assertThat(spec.arc().orElseThrow().tags()).hasSize(50);
        assertThat(spec.externalId()).contains(Specs.SUBSCRIPTION_ID);
    }

    @Test
    void build_currentGenerationWithOwnExternalId_isAccepted() {
        ConnectorSpec spec = assumeRole(Specs.ROLE_ARN, "my-own:external/id@1").generation(ConnectorGeneration.CURRENT)
            .build();

        assertThat(spec.externalId()).contains("my-own:external/id@1");
    }

    @Test
    void build_defaults_areSixHoursClassicAndDisplayNameAsConnectorName() {
        ConnectorSpec spec = Specs.builder().build();

        assertThat(spec.rescanInterval()).isEqualTo(ConnectorSpec.DEFAULT_RESCAN_INTERVAL).hasHours(6);
        assertThat(spec.generation()).isEqualTo(ConnectorGeneration.CLASSIC);
        assertThat(spec.connectorName()).isEqualTo("aws-production");
        assertThat(spec.externalId()).contains(Specs.SUBSCRIPTION_ID);
    }

    private static Arguments bad(String description, Supplier<ConnectorSpec.Builder> spec, String field, String rule) {
        return arguments(description, spec, field, rule);
    }

    private static ConnectorSpec.Builder assumeRole(String roleArn) {
        return Specs.builder().authentication(AwsAuthentication.assumeRole(roleArn));
    }

    private static ConnectorSpec.Builder assumeRole(String roleArn, String externalId) {
        return Specs.builder().authentication(AwsAuthentication.assumeRole(roleArn, externalId));
    }

    private static ConnectorSpec.Builder proxy(String proxy) {
        return Specs.withArc(arc -> arc.proxy(URI.create(proxy)));
    }

    private static Map<String, String> tags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("tag" + i, "value" + i);
        }
        return tags;
    }
}
