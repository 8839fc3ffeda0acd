package io.cloudconnector.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import org.junit.jupiter.api.Test;

class ConnectorClientProvisioningTest {

    @Test
    void planThenApply_defaultsWithoutBucket_preparesAllButDeliveryAndReportsTheBucket() {
        FakeAccount account = new FakeAccount();
        try (ConnectorClient client = ConnectorClient.of(account, new NoAzure())) {
            ProvisioningPlan plan = client.plan(Plans.assumeRoleSpec());
            ProvisioningResult result = client.apply(plan);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.outcomes()).hasSize(plan.actions().size());
            ProvisioningPlan next = client.plan(Plans.assumeRoleSpec());
            assertThat(next.isEmpty()).isTrue();
            assertThat(next.conflicts()).extracting(ProvisioningConflict::resource)
                .containsExactly("s3/bucket/config-bucket-123456789012");
        }
    }

    @Test
    void planThenApply_servicePrincipal_reachesTheAzureSideAndReturnsTheCredentials() {
        FakeAzure azure = new FakeAzure();
        try (ConnectorClient client = ConnectorClient.of(FakeAccount.prepared(), azure)) {
            ProvisioningResult result = client.apply(client.plan(Plans.assumeRoleSpec(), Plans.servicePrincipal()));

            assertThat(result.succeeded()).isTrue();
            assertThat(result.servicePrincipal()).isPresent();
            assertThat(azure.writes).hasSize(8);
            assertThat(client.plan(Plans.assumeRoleSpec(), Plans.servicePrincipal()).isEmpty()).isTrue();
        }
    }

    @Test
    void plan_awsSideWithoutProvisioning_throwsSayingSo() {
        AwsSide readOnly = new AwsSide() {
            @Override
            public AccountPort account() {
                throw new UnsupportedOperationException();
            }

            @Override
            public FleetPort fleet() {
                throw new UnsupportedOperationException();
            }

            @Override
            public FindingsPort findings() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        try (ConnectorClient client = ConnectorClient.of(readOnly, new NoAzure())) {
            assertThatThrownBy(() -> client.plan(Plans.assumeRoleSpec()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("This AWS side cannot provision");
        }
    }
}
