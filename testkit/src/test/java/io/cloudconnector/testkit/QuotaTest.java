package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.LimitExceededException;

/** Security Hub's GetFindings quota: 3 requests per second, burst 6, per account and region. */
class QuotaTest {

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.start();
        clients = new AwsTestClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void getFindings_burst_isThrottledWith429AfterSix() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        hub.describeHub(r -> { });
        List<Integer> statuses = new ArrayList<>();

        while (!statuses.contains(429) && statuses.size() < 60) {
            try {
                hub.getFindings(r -> r.maxResults(1));
                statuses.add(200);
            } catch (LimitExceededException e) {
                assertThat(e.isThrottlingException()).isTrue();
                statuses.add(e.statusCode());
            }
        }

        assertThat(statuses.subList(0, 6)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(sandbox.stats().throttled()).isEqualTo(1);
    }

    @Test
    void getFindings_otherRegion_hasItsOwnBucket() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "eu-west-1");

        for (int i = 0; i < 6; i++) {
            hub.getFindings(r -> r.maxResults(1));
        }

        assertThat(sandbox.stats().requests("securityhub:GetFindings", "eu-west-1")).isEqualTo(6);
    }
}
