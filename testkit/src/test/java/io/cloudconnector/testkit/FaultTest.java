package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.InternalException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Injected faults and latency, seen through the real clients. */
class FaultTest {

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.builder().withoutQuota().start();
        clients = new AwsTestClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void inject_malformedBody_failsToParse() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("securityhub:GetFindings").malformedBody())) {

            assertThatThrownBy(() -> hub.getFindings(r -> r.maxResults(5))).isInstanceOf(SdkClientException.class);
            assertThat(fault.fired()).isEqualTo(1);
        }
    }

    @Test
    void inject_serverErrorEverySecondCall_alternates() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "eu-west-1");
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("securityhub:*").inRegion("eu-west-1").every(2)
            .always().serverError())) {

            assertThatThrownBy(() -> hub.describeHub(r -> { })).isInstanceOf(InternalException.class);
            assertThat(hub.describeHub(r -> { }).hubArn()).contains("eu-west-1");
            assertThatThrownBy(() -> hub.describeHub(r -> { })).isInstanceOf(InternalException.class);
            assertThat(fault.fired()).isEqualTo(2);
        }
    }

    @Test
    void inject_jsonServiceThrottle_isThrottlingException() {
        SsmClient ssm = clients.build(SsmClient.builder(), "us-east-1");
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("ssm:DescribeInstanceInformation").throttle())) {

            assertThatThrownBy(() -> ssm.describeInstanceInformation(r -> { }))
                .isInstanceOfSatisfying(SsmException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        }
    }

    @Test
    void inject_accessDenied_namesTheOperation() {
        StsClient sts = clients.build(StsClient.builder(), "us-east-1");
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("sts:GetCallerIdentity").accessDenied())) {

            assertThatThrownBy(() -> sts.getCallerIdentity()).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.getMessage()).contains("sts:GetCallerIdentity").contains(":user/sandbox-admin");
            });
        }
    }

    @Test
    void inject_delay_keepsCallsInFlightTogether() throws Exception {
        sandbox.resetStats();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("sts:GetCallerIdentity").always()
            .delay(Duration.ofMillis(400)))) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[3];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = CompletableFuture.runAsync(() -> clients.build(StsClient.builder(), "us-east-1")
                    .getCallerIdentity(), pool);
            }
            CompletableFuture.allOf(calls).get();

            assertThat(fault.fired()).isEqualTo(3);
            assertThat(sandbox.stats().peakInFlight()).isGreaterThanOrEqualTo(2);
            assertThat(sandbox.stats().requests("sts:GetCallerIdentity", "us-east-1")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
