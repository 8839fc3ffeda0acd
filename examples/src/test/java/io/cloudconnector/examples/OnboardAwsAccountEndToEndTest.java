package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.SecureScore;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.StandardCompliance;
import io.cloudconnector.SupportedOsTable;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SeedFinding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the main example against the sandbox's default seed and checks its figures against the seed. */
class OnboardAwsAccountEndToEndTest {

    private static final List<String> REQUIRED_ROLE_POLICIES = List.of(
        "arn:aws:iam::aws:policy/SecurityAudit",
        "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole",
        "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess");

    private static ExampleEnvironment environment;
    private static SandboxSeed seed;
    private static FlowReport report;
    private static String printed;

    @BeforeAll
    static void runTheExample() {
        environment = ExampleEnvironment.open(Optional.empty());
        seed = environment.sandbox().orElseThrow().seed();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        report = OnboardAwsAccount.runFlow(environment, true, stream, new ProgressPrinter(stream)).orElseThrow();
        stream.print(ReportText.render(report));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopTheSandbox() {
        environment.close();
    }

    @Test
    void regions_enabledOnesAreReadAndTheOthersSkipped() {
        Map<String, RegionDiscovery.Status> expected = seed.specRegions().stream().collect(Collectors.toMap(
            region -> region,
            region -> seed.region(region).orElseThrow().enabled() ? RegionDiscovery.Status.OK
                : RegionDiscovery.Status.SKIPPED));

        assertThat(report.discovery().regions())
            .extracting(RegionDiscovery::region, RegionDiscovery::status)
            .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                .map(entry -> tuple(entry.getKey(), entry.getValue())).toList());
    }

    @Test
    void readiness_failsExactlyWhereTheSeedIsNotReady() {
        assertThat(report.readiness().verdict()).isEqualTo(ReadinessReport.Verdict.NOT_READY);
        assertThat(report.readiness().checks(ReadinessCheck.Status.FAIL))
            .extracting(check -> check.id() + "@" + check.target())
            .containsExactlyInAnyOrderElementsOf(expectedFailures());
        assertThat(report.readiness().checks(ReadinessCheck.Status.ERROR)).isEmpty();
    }

    @Test
    void discovery_instancesByVerdictFollowTheSeed() {
        assertThat(report.discovery().countsByVerdict()).isEqualTo(expectedVerdicts());
    }

    @Test
    void onboarding_everyEligibleInstanceSucceedsUnlessSeededToFail() {
        List<SandboxSeed.Instance> eligible = enabledInstances().stream()
            .filter(instance -> verdict(instance) == OnboardingVerdict.ELIGIBLE).toList();
        long seededToFail = eligible.stream().filter(instance -> !instance.onboardingSucceeds()).count();

        assertThat(report.onboarding().succeededCount()).isEqualTo(eligible.size() - seededToFail);
        assertThat(report.onboarding().failedCount()).isEqualTo(seededToFail);
        assertThat(printed).contains((eligible.size() - seededToFail) + " onboarded, " + seededToFail + " failed");
    }

    @Test
    void findings_activeOnesBySeverityMatchTheSeed() {
        Map<SeverityLabel, Integer> expected = new EnumMap<>(SeverityLabel.class);
        for (String region : hubRegions()) {
            seed.findingsIn(region).stream().filter(finding -> "ACTIVE".equals(finding.recordState()))
                .map(finding -> SeverityLabel.valueOf(finding.severityLabel().orElseThrow()))
                .forEach(label -> expected.merge(label, 1, Integer::sum));
        }

        assertThat(report.findings().bySeverity()).isEqualTo(expected);
        assertThat(report.findings().total()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(report.findings().failedRegions()).containsOnlyKeys(regionsWithoutHub());
    }

    @Test
    void compliance_coversEveryEnabledCisControlOfTheSeed() {
        for (StandardCompliance standard : report.compliance().standards()) {
            long enabledInSeed = seed.standards().stream()
                .filter(seeded -> seeded.standardsId().contains("/v/" + standard.version()))
                .flatMap(seeded -> seeded.controls().stream()).filter(SandboxSeed.Control::enabled).count();
            assertThat(standard.enabledControls()).as(standard.version()).isEqualTo(enabledInSeed);
            assertThat(printed).contains(String.format("%.1f %%", standard.passedShare() * 100));
        }
        assertThat(report.compliance().standards()).extracting(StandardCompliance::version)
            .containsExactlyInAnyOrder("1.2.0", "1.4.0");
    }

    @Test
    void secureScore_controlsOfTheSeedPooledIntoOnePercentage() {
        Map<String, SeedFinding> newestPerControlResourceAndRegion = new HashMap<>();
        for (SeedFinding finding : activeControlFindings()) {
            for (String resource : finding.resourceIds()) {
                String key = controlId(finding) + "|" + resource + "|" + finding.region();
                newestPerControlResourceAndRegion.merge(key, finding,
                    (a, b) -> a.updatedAt().orElseThrow().isAfter(b.updatedAt().orElseThrow()) ? a : b);
            }
        }
        Set<String> failingControlsInSeed = newestPerControlResourceAndRegion.values().stream()
            .filter(finding -> finding.complianceStatus().equals(Optional.of("FAILED")))
            .map(OnboardAwsAccountEndToEndTest::controlId).collect(Collectors.toSet());
        SecureScore score = report.score();

        assertThat(score.controls()).filteredOn(control -> control.unhealthyResources() > 0)
            .extracting(control -> control.controlId()).containsExactlyInAnyOrderElementsOf(failingControlsInSeed);
        assertThat(score.percentage()).isEqualTo(100.0 * score.currentScore() / score.maxScore());
        assertThat(printed).contains(String.format("(%.1f %%)", score.percentage()));
    }

    /** Security Hub's consolidated control ID when the finding has one, else the CIS rule number. */
    private static String controlId(SeedFinding finding) {
        String consolidated = finding.asff().path("Compliance").path("SecurityControlId").asText("");
        return consolidated.isEmpty() ? finding.cisControlId().orElseThrow() : consolidated;
    }

    private static List<String> expectedFailures() {
        List<String> failures = new ArrayList<>();
        SandboxSeed.Role role = seed.role(seed.connectorRoleName()).orElseThrow();
        if (!role.attachedPolicyArns().containsAll(REQUIRED_ROLE_POLICIES)) {
            failures.add("iam.role.policies@" + seed.accountId());
        }
        for (String name : seed.specRegions()) {
            SandboxSeed.Region region = seed.region(name).orElseThrow();
            if (!region.enabled()) {
                failures.add("region.enabled@" + name);
                continue;
            }
            if (region.config().map(recorder -> !recorder.recording()).orElse(true)) {
                failures.add("config.recorder@" + name);
            }
            if (region.securityHub().isEmpty()) {
                failures.add("securityhub.enabled@" + name);
            }
        }
        return failures;
    }

    private static Map<OnboardingVerdict, Integer> expectedVerdicts() {
        Map<OnboardingVerdict, Integer> counts = new EnumMap<>(OnboardingVerdict.class);
        enabledInstances().forEach(instance -> counts.merge(verdict(instance), 1, Integer::sum));
        return counts;
    }

    private static OnboardingVerdict verdict(SandboxSeed.Instance instance) {
        Set<String> connected = seed.azure().arcMachines().stream()
            .filter(machine -> "Connected".equals(machine.status())).map(SandboxSeed.ArcMachine::name)
            .collect(Collectors.toSet());
        if (connected.contains(instance.instanceId())) {
            return OnboardingVerdict.ALREADY_CONNECTED;
        }
        if (!"running".equals(instance.state())) {
            return OnboardingVerdict.NOT_RUNNING;
        }
        if (instance.ssmPingStatus().isEmpty()) {
            return OnboardingVerdict.NO_SSM_AGENT;
        }
        if (!"Online".equals(instance.ssmPingStatus().get())) {
            return OnboardingVerdict.SSM_OFFLINE;
        }
        InstancePlatform platform = instance.windows() ? InstancePlatform.WINDOWS : InstancePlatform.LINUX;
        boolean supported = SupportedOsTable.defaults().find(platform, instance.platformName(),
            Optional.ofNullable(instance.platformVersion()), Optional.of(SupportedOsTable.X86_64)).isPresent();
        return supported ? OnboardingVerdict.ELIGIBLE : OnboardingVerdict.UNSUPPORTED_OS;
    }

    private static List<SandboxSeed.Instance> enabledInstances() {
        return seed.specRegions().stream().filter(region -> seed.region(region).orElseThrow().enabled())
            .flatMap(region -> seed.instancesIn(region).stream())
            .filter(instance -> !"terminated".equals(instance.state())).toList();
    }

    private static List<String> hubRegions() {
        return seed.specRegions().stream().filter(region -> seed.region(region).orElseThrow().enabled())
            .filter(region -> seed.region(region).orElseThrow().securityHub().isPresent()).toList();
    }

    private static Set<String> regionsWithoutHub() {
        return seed.specRegions().stream().filter(region -> seed.region(region).orElseThrow().enabled())
            .filter(region -> seed.region(region).orElseThrow().securityHub().isEmpty())
            .collect(Collectors.toSet());
    }

    private static List<SeedFinding> activeControlFindings() {
        Map<String, SeedFinding> newest = new HashMap<>();
        for (String region : hubRegions()) {
            seed.findingsIn(region).stream()
                .filter(finding -> "ACTIVE".equals(finding.recordState()) && finding.isControlFinding())
                .filter(finding -> !"SUPPRESSED".equals(finding.workflowStatus()))
                .forEach(finding -> newest.merge(finding.productArn() + "|" + finding.id(), finding,
                    (a, b) -> a.updatedAt().orElseThrow().isAfter(b.updatedAt().orElseThrow()) ? a : b));
        }
        return List.copyOf(newest.values());
    }
}
