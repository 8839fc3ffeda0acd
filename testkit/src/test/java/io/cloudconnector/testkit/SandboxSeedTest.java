package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSeedTest {

    private final SandboxSeed seed = SandboxSeed.defaultSeed();

    @Test
    void defaultSeed_calledTwice_isTheSame() {
        assertThat(SandboxSeed.defaultSeed()).isEqualTo(seed);
    }

    @Test
    void defaultSeed_regions_threeInUseAndOneNotOptedIn() {
        assertThat(seed.specRegions()).containsExactly("us-east-1", "eu-west-1", "ap-southeast-2", "af-south-1");
        assertThat(seed.region("af-south-1").orElseThrow().enabled()).isFalse();
        assertThat(seed.regions().stream().filter(SandboxSeed.Region::enabled).count()).isEqualTo(17);
        assertThat(seed.region("ap-southeast-2").orElseThrow().config().orElseThrow().recording()).isFalse();
        assertThat(seed.region("ap-southeast-2").orElseThrow().securityHub()).isEmpty();
        assertThat(seed.region("us-east-1").orElseThrow().securityHub().orElseThrow().standards())
            .extracting(SandboxSeed.EnabledStandard::status).containsOnly("READY");
    }

    @Test
    void defaultSeed_iam_roleMissesSecurityHubPolicyAndUserHasSsmAndAudit() {
        assertThat(seed.role("AscConnector").orElseThrow().attachedPolicyArns())
            .noneMatch(arn -> arn.endsWith("AWSSecurityHubReadOnlyAccess"))
            .anyMatch(arn -> arn.endsWith("/SecurityAudit"));
        assertThat(seed.role("AscConnector").orElseThrow().trustPolicy())
            .contains("arn:aws:iam::158177204117:root").contains(seed.azure().subscriptionId());
        assertThat(seed.user("AzureArcOnboarding").orElseThrow().attachedPolicyArns())
            .anyMatch(arn -> arn.endsWith("/AmazonSSMManagedInstanceCore"))
            .anyMatch(arn -> arn.endsWith("/SecurityAudit"));
        assertThat(seed.baseCredentials().accessKeyId()).hasSize(20).startsWith("AKIA");
        assertThat(seed.users()).flatExtracting(SandboxSeed.User::accessKeys)
            .allSatisfy(key -> assertThat(key.secretAccessKey()).hasSize(40));
    }

    @Test
    void defaultSeed_instances_coverEveryOnboardingSituation() {
        List<SandboxSeed.Instance> instances = seed.instances();
        assertThat(instances).hasSizeGreaterThanOrEqualTo(20);
        assertThat(instances).extracting(i -> i.platformName() + " " + i.platformVersion())
            .contains("Ubuntu 16.04", "Ubuntu 18.04", "Ubuntu 20.04", "Amazon Linux 2",
                "Red Hat Enterprise Linux Server 7.9", "CentOS Linux 7.9.2009", "SLES 15.4",
                "Microsoft Windows Server 2016 Datacenter 10.0.14393",
                "Microsoft Windows Server 2019 Datacenter 10.0.17763");
        assertThat(instances).extracting(SandboxSeed.Instance::state).contains("running", "stopped");
        assertThat(instances).extracting(i -> i.ssmPingStatus().orElse("absent"))
            .contains("Online", "ConnectionLost", "absent");
        assertThat(seed.azure().arcMachines()).hasSize(2).allMatch(m -> m.status().equals("Connected"));
    }

    @Test
    void defaultSeed_azure_emptyTenantNoRoleAssignmentAndTheArcResourceGroup() {
        SandboxSeed.Azure azure = seed.azure();

        assertThat(azure.applications()).isEmpty();
        assertThat(azure.roleAssignments()).isEmpty();
        assertThat(azure.resourceGroups()).containsExactly(new SandboxSeed.ResourceGroup(azure.resourceGroup(),
            azure.location(), Map.of()));
        assertThat(azure.arcMachines()).allMatch(machine -> machine.resourceGroup().equals(azure.resourceGroup()));
        assertThat(azure.resourceGroupScope()).isEqualTo("/subscriptions/" + azure.subscriptionId()
            + "/resourceGroups/" + azure.resourceGroup());
    }

    @Test
    void json_applicationsGroupsAndAssignments_roundTripAndPrintWithoutSecrets() {
        SandboxSeed.Azure azure = seed.azure()
            .withApplications(List.of(application("00000000-0000-0000-0000-0000000000b1")))
            .withResourceGroups(List.of(new SandboxSeed.ResourceGroup("arc", "westeurope", Map.of("env", "test"))))
            .withRoleAssignments(List.of(new SandboxSeed.RoleAssignment("00000000-0000-0000-0000-0000000000c1",
                "/subscriptions/" + seed.azure().subscriptionId(), "/subscriptions/" + seed.azure().subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/b64e21ea-ac4e-4cdf-9dc9-5b892992bee7",
                "00000000-0000-0000-0000-0000000000d1", null)));
        SandboxSeed prepared = seed.withAzure(azure);

        SandboxSeed read = SandboxSeed.fromJson(prepared.toJson());

        assertThat(read).isEqualTo(prepared);
        assertThat(read.azure().roleAssignments().get(0).principalType()).isEqualTo("ServicePrincipal");
        assertThat(prepared.toString()).contains("arc onboarding").doesNotContain("sbx8Q~seeded-secret");
    }

    @Test
    void azure_twoApplicationsWithOneAppId_isRejected() {
        SandboxSeed.Application first = application("00000000-0000-0000-0000-0000000000b1");
        SandboxSeed.Application second = new SandboxSeed.Application("00000000-0000-0000-0000-0000000000b2",
            first.appId(), "copy", Optional.empty(), List.of());

        assertThatThrownBy(() -> seed.azure().withApplications(List.of(first, second)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application 'copy'");
    }

    private static SandboxSeed.Application application(String objectId) {
        return new SandboxSeed.Application(objectId, "00000000-0000-0000-0000-0000000000a1", "arc onboarding",
            Optional.of("00000000-0000-0000-0000-0000000000d1"), List.of(new SandboxSeed.ClientSecret(
                "00000000-0000-0000-0000-0000000000e1", "seeded", Instant.parse("2099-01-01T00:00:00Z"),
                "sbx8Q~seeded-secret")));
    }

    @Test
    void defaultSeed_findings_realisticMix() {
        List<SeedFinding> findings = seed.findings();
        assertThat(findings).hasSizeGreaterThanOrEqualTo(300);
        assertThat(findings).extracting(SeedFinding::cisVersion).contains(Optional.of("1.2.0"),
            Optional.of("1.4.0"));
        assertThat(findings).extracting(f -> f.complianceStatus().orElse("none")).contains("PASSED", "FAILED",
            "none");
        assertThat(findings).extracting(SeedFinding::recordState).contains("ACTIVE", "ARCHIVED");
        assertThat(findings).extracting(SeedFinding::workflowStatus).contains("SUPPRESSED", "NEW", "RESOLVED");
        assertThat(findings).anyMatch(SeedFinding::severityFromNormalizedOnly);
        assertThat(findings).allMatch(f -> f.updatedAt().isPresent());
        assertThat(findings).extracting(f -> f.updatedAtText().orElseThrow())
            .anyMatch(t -> t.endsWith("+05:30")).anyMatch(t -> t.endsWith("-0800"))
            .anyMatch(t -> t.matches(".*\\.\\d{9}Z")).anyMatch(t -> t.matches(".*:\\d{2}Z"));
        Map<String, Long> byProduct = findings.stream().collect(Collectors.groupingBy(
            f -> f.productName().orElse(""), Collectors.counting()));
        assertThat(byProduct).containsKeys("Security Hub", "GuardDuty", "Inspector");
    }

    @Test
    void defaultSeed_staleControlFindings_areArchived() {
        assertThat(seed.findings()).filteredOn(f -> f.resourceIds().stream().anyMatch(id -> id.contains("deleted")))
            .hasSize(4).allMatch(f -> f.recordState().equals("ARCHIVED"));
    }

    @Test
    void defaultSeed_cisGeneratorIds_haveBothPublishedForms() {
        assertThat(seed.findings()).extracting(SeedFinding::generatorId)
            .contains("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3",
                "cis-aws-foundations-benchmark/v/1.4.0/3.7");
    }

    @Test
    void findingsIn_regionWithoutHub_isEmpty() {
        assertThat(seed.findingsIn("ap-southeast-2")).isEmpty();
        assertThat(seed.findingsIn("us-east-1")).isNotEmpty().allMatch(f -> f.region().equals("us-east-1"));
    }

    @Test
    void json_roundTrip_givesTheSameSeed() {
        SandboxSeed read = SandboxSeed.fromJson(seed.toJson());

        assertThat(read).isEqualTo(seed);
    }

    @Test
    void fromJson_file_readsTheSeed(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("seed.json"), seed.toJson());

        assertThat(SandboxSeed.fromJson(file).findings()).hasSameSizeAs(seed.findings());
    }

    @Test
    void fromJson_unknownField_namesIt() {
        String json = seed.toJson().replaceFirst("\\{", "{\"acountId\":\"1\",");

        assertThatThrownBy(() -> SandboxSeed.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("acountId");
    }

    @Test
    void constructor_callerUserMissing_isRejected() {
        assertThatThrownBy(() -> new SandboxSeed(seed.accountId(), "nobody", seed.regions(), seed.specRegions(),
            seed.connectorRoleName(), seed.onboardingUserName(), seed.roles(), seed.users(), seed.instances(),
            seed.standards(), seed.findings(), seed.aggregator(), seed.memberAccountIds(), seed.azure()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }

    @Test
    void toString_ofSecretHolders_hidesSecrets() {
        assertThat(seed.toString()).doesNotContain(seed.baseCredentials().secretAccessKey())
            .doesNotContain(seed.azure().clientSecret()).doesNotContain(seed.azure().arcServicePrincipalSecret());
    }

    @Test
    void severityLabel_onlyNormalized_isDerived() {
        Map<String, String> labels = seed.findings().stream().filter(SeedFinding::severityFromNormalizedOnly)
            .collect(Collectors.toMap(SeedFinding::id, f -> f.severityLabel().orElseThrow(), (a, b) -> a));
        assertThat(labels.values()).isNotEmpty().allMatch(l -> List.of("LOW", "MEDIUM", "HIGH").contains(l));
    }
}
