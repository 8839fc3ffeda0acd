package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ReadinessCheck.Scope;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.ReadinessReport.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {

    private static final ReadinessCheck CREDENTIALS = check("credentials", Status.PASS, Scope.ACCOUNT,
        "123456789012", null, "arn:aws:iam::123456789012:user/connector in account 123456789012", null);
    private static final ReadinessCheck HUB_OFF = check("securityhub.enabled", Status.FAIL, Scope.REGION,
        "eu-west-1", "eu-west-1", "Security Hub is not enabled in eu-west-1 (the account is not subscribed)",
        "Security Hub console (region eu-west-1) > Go to Security Hub > Enable Security Hub, or\n"
            + "aws securityhub enable-security-hub --region eu-west-1 --enable-default-standards");
    private static final ReadinessCheck AGENT_OFFLINE = check("ssm.instance", Status.WARN, Scope.INSTANCE,
        "i-0abc", "us-east-1", "Instance i-0abc is registered with SSM, but its agent is offline",
        "Start the SSM agent");
    private static final ReadinessCheck CONFIG_DENIED = check("config.recorder", Status.ERROR, Scope.REGION,
        "us-east-1", "us-east-1", "config:DescribeConfigurationRecorders in us-east-1 failed: AccessDenied",
        "Allow config:DescribeConfigurationRecorders");

    @Test
    void verdict_allPassed_isReady() {
        assertThat(report(CREDENTIALS).verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void verdict_warningsOnly_isReadyWithWarnings() {
        assertThat(report(CREDENTIALS, AGENT_OFFLINE).verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
    }

    @Test
    void verdict_anyFailure_isNotReady() {
        assertThat(report(CREDENTIALS, AGENT_OFFLINE, HUB_OFF).verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void verdict_anyCheckNotRun_isNotReady() {
        assertThat(report(CREDENTIALS, CONFIG_DENIED).verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void toText_mixedReport_rendersTablesWithRemediationUnderItsCheck() {
        String text = report(CREDENTIALS, HUB_OFF, AGENT_OFFLINE, CONFIG_DENIED).toText();

        assertThat(text).startsWith("Readiness of AWS account 123456789012: NOT_READY\n"
            + "4 checks: 1 passed, 1 warned, 1 failed, 1 could not be run (checked at 2026-12-03T13:00:00Z)\n");
        List<String> lines = text.lines().toList();
        int hub = lines.indexOf(lines.stream().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow());
        assertThat(lines.get(hub)).matches("FAIL +eu-west-1 +Security Hub enabled +Security Hub is not enabled.*");
        assertThat(lines.get(hub + 1).trim()).startsWith("fix: Security Hub console (region eu-west-1)");
        assertThat(lines.get(hub + 2).trim()).isEqualTo(
            "aws securityhub enable-security-hub --region eu-west-1 --enable-default-standards");
        assertThat(lines.get(hub + 1).indexOf("fix:")).isEqualTo(lines.get(hub).indexOf("Security Hub enabled"));
        assertThat(text).contains("i-0abc (us-east-1)")
            .containsPattern("(?m)^REGION +ENABLED +STATUS +ERRORS$")
            .containsPattern("(?m)^us-east-1 +yes +ERROR +config:DescribeConfigurationRecorders in us-east-1 failed");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void toJson_mixedReport_hasStableFieldsAndOmitsAbsentValues() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report(CREDENTIALS, HUB_OFF, AGENT_OFFLINE, CONFIG_DENIED)
            .toJson());

        assertThat(json.get("accountId").asText()).isEqualTo("123456789012");
        assertThat(json.get("checkedAt").asText()).isEqualTo("2026-12-03T13:00:00Z");
        assertThat(json.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(json.get("summary").get("WARN").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(4);
        JsonNode credentials = json.get("checks").get(0);
        assertThat(credentials.get("scope").asText()).isEqualTo("ACCOUNT");
        assertThat(credentials.has("region")).isFalse();
        assertThat(credentials.has("remediation")).isFalse();
        JsonNode instance = json.get("checks").get(2);
        assertThat(instance.get("target").asText()).isEqualTo("i-0abc");
        assertThat(instance.get("region").asText()).isEqualTo("us-east-1");
        assertThat(json.get("checks").get(1).get("remediation").asText()).contains("\naws securityhub");
        JsonNode region = json.get("regions").get(0);
        assertThat(region.get("region").asText()).isEqualTo("us-east-1");
        assertThat(region.get("enabled").asBoolean()).isTrue();
        assertThat(region.get("errors").get(0).asText()).contains("AccessDenied");
    }

    @Test
    void checkBuilder_regionScopeWithoutRegion_isRejected() {
        assertThatThrownBy(() -> ReadinessCheck.builder().id("config.recorder").name("AWS Config recording")
            .status(Status.PASS).scope(Scope.REGION).target("eu-west-1").evidence("ok").build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("A REGION check needs its region: config.recorder on eu-west-1");
    }

    private static ReadinessReport report(ReadinessCheck... checks) {
        return ReadinessReport.builder().accountId("123456789012").checkedAt(Instant.parse("2026-12-03T13:00:00Z"))
            .addChecks(checks)
            .addRegions(RegionReadiness.builder().region("us-east-1").enabled(true).status(Status.ERROR)
                .addErrors(CONFIG_DENIED.evidence()).build())
            .build();
    }

    private static ReadinessCheck check(String id, Status status, Scope scope, String target, String region,
        String evidence, String remediation) {
        return ReadinessCheck.builder().id(id).name(names(id)).status(status).scope(scope).target(target)
            .region(Optional.ofNullable(region)).evidence(evidence)
            .remediation(Optional.ofNullable(remediation)).build();
    }

    private static String names(String id) {
        return switch (id) {
            case "credentials" -> "Credentials belong to the spec's account";
            case "securityhub.enabled" -> "Security Hub enabled";
            case "ssm.instance" -> "EC2 instance managed by SSM";
            default -> "AWS Config recording";
        };
    }
}
