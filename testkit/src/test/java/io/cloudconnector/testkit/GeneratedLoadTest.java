package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.InvalidInputException;
import software.amazon.awssdk.services.securityhub.model.SortCriterion;
import software.amazon.awssdk.services.securityhub.model.SortOrder;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/** Generated findings and timed Run Command invocations, the sandbox's options for load. */
class GeneratedLoadTest {

    private static final int GENERATED = 1_050;
    private static final Duration RUN_TIME = Duration.ofSeconds(40);

    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2025-11-03T08:00:00Z"));
    private static CloudSandbox sandbox;
    private static AwsTestClients clients;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.builder().withoutQuota().syntheticFindings(GENERATED).invocationRunTime(RUN_TIME)
            .clock(CLOCK).start();
        clients = new AwsTestClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void getFindings_syntheticFindingsAscending_generatedOnesFirstThenTheSeeds() {
        List<AwsSecurityFinding> findings = hub("us-east-1").getFindingsPaginator(r -> r.maxResults(100)
            .sortCriteria(byUpdatedAt(SortOrder.ASC))).findings().stream().collect(Collectors.toList());

        int seeded = sandbox.seed().findingsIn("us-east-1").size();
        assertThat(findings).hasSize(GENERATED + seeded);
        assertThat(findings.stream().map(AwsSecurityFinding::id).distinct()).hasSize(GENERATED + seeded);
        assertThat(findings.get(0).updatedAt()).isEqualTo("2019-01-01T00:00:00Z");
        assertThat(findings.get(GENERATED - 1).updatedAt()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z")
            .plusSeconds(GENERATED - 1).toString());
        assertThat(findings.subList(0, GENERATED)).allSatisfy(f -> {
            assertThat(f.region()).isEqualTo("us-east-1");
            assertThat(f.compliance().statusAsString()).isIn("PASSED", "FAILED");
            assertThat(f.resources()).hasSize(1);
        });
    }

    @Test
    void getFindings_defaultOrder_seedsFirstThenGeneratedNewestFirst() {
        List<AwsSecurityFinding> findings = hub("eu-west-1").getFindingsPaginator(r -> r.maxResults(100))
            .findings().stream().collect(Collectors.toList());

        int seeded = sandbox.seed().findingsIn("eu-west-1").size();
        assertThat(findings).hasSize(GENERATED + seeded);
        assertThat(findings.get(seeded).updatedAt()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z")
            .plusSeconds(GENERATED - 1).toString());
        assertThat(findings.get(findings.size() - 1).updatedAt()).isEqualTo("2019-01-01T00:00:00Z");
    }

    @Test
    void getFindings_filterOnGeneratedFindings_countsEveryThirdPassed() {
        AwsSecurityFindingFilters passed = AwsSecurityFindingFilters.builder()
            .complianceStatus(equalTo("PASSED")).generatorId(StringFilter.builder().value("security-control/")
                .comparison(StringFilterComparison.PREFIX).build()).build();

        List<AwsSecurityFinding> findings = hub("us-east-1").getFindingsPaginator(r -> r.maxResults(100)
            .filters(passed).sortCriteria(byUpdatedAt(SortOrder.ASC))).findings().stream()
            .collect(Collectors.toList());

        assertThat(findings).hasSize(GENERATED / 3);
        assertThat(findings).allSatisfy(f -> assertThat(f.compliance().statusAsString()).isEqualTo("PASSED"));
    }

    @Test
    void getFindings_generatedFindingsSortedByAnotherField_invalidInput() {
        assertThatThrownBy(() -> hub("us-east-1").getFindings(r -> r.sortCriteria(SortCriterion.builder()
            .field("Title").sortOrder(SortOrder.ASC).build())))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("UpdatedAt alone");
    }

    @Test
    void getFindings_regionWithoutHub_hasNoGeneratedFindings() {
        assertThatThrownBy(() -> hub("us-west-2").getFindings(r -> r.maxResults(10)))
            .hasMessageContaining("not subscribed");
    }

    @Test
    void getCommandInvocation_runTime_inProgressUntilItHasPassed() {
        SsmClient ssm = clients.build(SsmClient.builder(), "us-east-1");
        SandboxSeed.Instance instance = sandbox.seed().instancesIn("us-east-1").stream()
            .filter(SandboxSeed.Instance::ssmManaged).filter(i -> !i.windows()).findFirst().orElseThrow();
        String commandId = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript")
            .instanceIds(instance.instanceId()).parameters(Map.of("commands", List.of("uptime"))))
            .command().commandId();
        Set<String> seen = new HashSet<>();

        assertThatThrownBy(() -> ssm.getCommandInvocation(r -> r.commandId(commandId)
            .instanceId(instance.instanceId()))).isInstanceOf(InvocationDoesNotExistException.class);
        for (int i = 0; i < 3; i++) {
            seen.add(ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instance.instanceId()))
                .statusAsString());
        }
        CLOCK.advance(RUN_TIME);
        String after = ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instance.instanceId()))
            .statusAsString();

        assertThat(seen).containsExactly("InProgress");
        assertThat(after).isEqualTo("Success");
    }

    private static SecurityHubClient hub(String region) {
        return clients.build(SecurityHubClient.builder(), region);
    }

    private static SortCriterion byUpdatedAt(SortOrder order) {
        return SortCriterion.builder().field("UpdatedAt").sortOrder(order).build();
    }

    private static StringFilter equalTo(String value) {
        return StringFilter.builder().value(value).comparison(StringFilterComparison.EQUALS).build();
    }

    /** A clock a test moves forward by hand. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
