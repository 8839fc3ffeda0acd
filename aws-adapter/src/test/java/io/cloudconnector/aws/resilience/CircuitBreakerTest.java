package io.cloudconnector.aws.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionReadiness;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxFault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service that keeps failing in one region is cut off there, the reports say why, and the rest goes on. */
class CircuitBreakerTest {

    private static final String BROKEN = "eu-west-1";
    private static final ResiliencePolicy TWO_STRIKES = ResiliencePolicy.builder().failureThreshold(2).maxAttempts(2)
        .baseBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).openDuration(Duration.ofMinutes(10))
        .build();

    private CloudSandbox sandbox;
    private ConnectorClient client;
    private ConnectorSpec spec;

    @BeforeEach
    void start() {
        sandbox = CloudSandbox.builder().withoutQuota().start();
        client = ConnectorClient.of(AwsAdapter.builder().endpoints(sandbox.endpoints()).resilience(TWO_STRIKES)
            .build(), AzureAdapter.builder().endpoints(sandbox.endpoints()).resilience(TWO_STRIKES).build());
        spec = sandbox.spec();
        sandbox.inject(SandboxFault.on("ec2:DescribeInstances").inRegion(BROKEN).always().unavailable());
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void discover_serviceFailingInARegion_circuitOpensThereAndTheReportSaysWhy() {
        client.discover(spec);
        client.discover(spec);
        long callsBefore = sandbox.stats().requests("ec2:DescribeInstances", BROKEN);

        DiscoveryResult third = client.discover(spec);

        RegionDiscovery broken = third.regions().stream().filter(region -> region.region().equals(BROKEN))
            .findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo(RegionDiscovery.Status.FAILED);
        assertThat(broken.cause()).get().asString()
            .startsWith("ec2:DescribeInstances in eu-west-1 was not called: circuit open after 2 failures of ec2 in "
                + "eu-west-1 (calls resume after 600.0 s); the last: ec2:DescribeInstances in eu-west-1 failed: "
                + "Unavailable (HTTP 503)");
        assertThat(sandbox.stats().requests("ec2:DescribeInstances", BROKEN)).as("no call while open")
            .isEqualTo(callsBefore);
        assertThat(callsBefore).as("two calls of two attempts").isEqualTo(4);
        assertThat(third.regions()).filteredOn(region -> region.region().equals("us-east-1"))
            .extracting(RegionDiscovery::status).containsExactly(RegionDiscovery.Status.OK);
    }

    @Test
    void checkReadiness_circuitOpen_regionErrorWithTheCauseOthersChecked() {
        client.discover(spec);
        client.discover(spec);

        ReadinessReport report = client.checkReadiness(spec);

        RegionReadiness broken = report.regions().stream().filter(region -> region.region().equals(BROKEN))
            .findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo(ReadinessCheck.Status.ERROR);
        assertThat(broken.errors()).anySatisfy(error -> assertThat(error).contains("circuit open after 2 failures"));
        assertThat(report.regions()).filteredOn(region -> region.region().equals("us-east-1"))
            .extracting(RegionReadiness::status).doesNotContain(ReadinessCheck.Status.ERROR);
        assertThat(report.checks()).filteredOn(check -> check.region().filter(BROKEN::equals).isPresent())
            .as("the region's other services are still checked")
            .anySatisfy(check -> assertThat(check.status()).isEqualTo(ReadinessCheck.Status.PASS));
    }
}
