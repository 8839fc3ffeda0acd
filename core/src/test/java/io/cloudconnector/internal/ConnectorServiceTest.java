package io.cloudconnector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectResult.Change;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.ConnectorStatus.AuthenticationState;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.NotReadyException;
import io.cloudconnector.ProviderRegistration;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorServiceTest {

    private static final String KEY_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String ROLE = "arn:aws:iam::123456789012:role/AscConnector";

    private final FakeConnectorPort port = new FakeConnectorPort().allProvidersRegistered();
    private final ConnectorService service = new ConnectorService(port);

    @Test
    void connect_connectorMissing_createsItWithTheSpecsSecrets() {
        ConnectResult result = service.connect(spec(), ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.CREATED);
        assertThat(port.puts).singleElement().satisfies(put -> {
            assertThat(put.key()).isEqualTo(ConnectorKey.classic(SUBSCRIPTION, "aws-prod"));
            assertThat(put.roleArn()).contains(ROLE);
            assertThat(put.externalId()).contains(SUBSCRIPTION);
            assertThat(put.servicePrincipalSecret()).contains(Secret.of("sp-secret"));
            assertThat(put.arcRegion()).contains("westus2");
        });
        assertThat(result.status().exists()).isTrue();
    }

    @Test
    void connect_connectorMatchesSpec_writesNothingAndKeepsTheStoredSecrets() {
        service.connect(spec(), ConnectOptions.defaults());
        ConnectorSpec rotatedSecretOnly = spec(arc().servicePrincipalSecret(Secret.of("another-secret")).build());

        ConnectResult result = service.connect(rotatedSecretOnly, ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.UNCHANGED);
        assertThat(result.changedSettings()).isEmpty();
        assertThat(port.puts).hasSize(1);
    }

    @Test
    void connect_rotateCredentials_writesTheSpecsSecretsEvenWhenSettingsMatch() {
        service.connect(spec(), ConnectOptions.defaults());
        ConnectorSpec newSecret = spec(arc().servicePrincipalSecret(Secret.of("another-secret")).build());

        ConnectResult result = service.connect(newSecret, ConnectOptions.builder().rotateCredentials(true).build());

        assertThat(result.change()).isEqualTo(Change.UPDATED);
        assertThat(result.changedSettings()).containsExactly("credentials");
        assertThat(port.puts).last().extracting(ConnectorResource::servicePrincipalSecret)
            .isEqualTo(java.util.Optional.of(Secret.of("another-secret")));
    }

    @Test
    void connect_proxyChanged_updatesAndNamesTheSetting() {
        service.connect(spec(), ConnectOptions.defaults());

        ConnectResult result = service.connect(spec(arc().proxy(URI.create("http://10.0.0.9:8080")).build()),
            ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.UPDATED);
        assertThat(result.changedSettings()).containsExactly("arc.proxy");
        assertThat(port.puts).hasSize(2);
    }

    @Test
    void connect_azureAnswersDisplayNameAndWithholdsKeyId_countsAsUnchanged() {
        port.connectors.put(ConnectorKey.classic(SUBSCRIPTION, "aws-keys"), ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "aws-keys"))
            .authenticationType(ConnectorResource.AuthenticationType.ACCESS_KEYS)
            .autoProvision(true)
            .arcResourceGroup("ARC-MACHINES")
            .arcRegion("West US 2")
            .proxy(URI.create("http://10.0.0.1:3128"))
            .servicePrincipalId("AD9BCD79-BE9C-45AB-ABD8-80CA1654A7D1")
            .build());
        ConnectorSpec keys = ConnectorSpec.builder().from(spec()).displayName("aws-keys").connectorName("aws-keys")
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE", Secret.of(KEY_SECRET))).build();

        ConnectResult result = service.connect(keys, ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.UNCHANGED);
        assertThat(port.puts).isEmpty();
    }

    @Test
    void connect_requiredProviderNotRegistered_refusesBeforeAnyWrite() {
        port.providerStates.put("Microsoft.HybridCompute", "NotRegistered");

        assertThatThrownBy(() -> service.connect(spec(), ConnectOptions.defaults()))
            .isInstanceOf(NotReadyException.class)
            .hasMessageContaining("Microsoft.HybridCompute (NotRegistered)")
            .hasMessageContaining("registerProviders");
        assertThat(port.puts).isEmpty();
        assertThat(port.registered).isEmpty();
    }

    @Test
    void connect_registerProviders_registersTheNeededOnesThenWrites() {
        port.providerStates.put("Microsoft.Security", "NotRegistered");
        port.providerStates.put("Microsoft.GuestConfiguration", "NotRegistered");

        ConnectResult result = service.connect(spec(), ConnectOptions.builder().registerProviders(true).build());

        assertThat(port.registered).containsExactly("Microsoft.Security", "Microsoft.GuestConfiguration");
        assertThat(result.change()).isEqualTo(Change.CREATED);
        assertThat(result.providers()).filteredOn(ProviderRegistration::registeredNow)
            .extracting(ProviderRegistration::namespace)
            .containsExactly("Microsoft.Security", "Microsoft.GuestConfiguration");
        assertThat(result.providers()).allMatch(ProviderRegistration::registered);
    }

    @Test
    void connect_arcProvidersMissingWithoutAutoProvision_reportsThemAndWrites() {
        port.providerStates.put("Microsoft.HybridConnectivity", "NotRegistered");
        ConnectorSpec noAutoProvision = spec(arc().autoProvision(false).build());

        ConnectResult result =
            service.connect(noAutoProvision, ConnectOptions.builder().registerProviders(true).build());

        assertThat(result.change()).isEqualTo(Change.CREATED);
        assertThat(port.registered).isEmpty();
        assertThat(result.providers()).filteredOn(p -> !p.registered())
            .singleElement()
            .satisfies(p -> {
                assertThat(p.namespace()).isEqualTo("Microsoft.HybridConnectivity");
                assertThat(p.required()).isFalse();
            });
    }

    @Test
    void connect_providerMissingButConnectorUnchanged_reportsWithoutRefusing() {
        service.connect(spec(), ConnectOptions.defaults());
        port.providerStates.put("Microsoft.HybridCompute", "NotRegistered");

        ConnectResult result = service.connect(spec(), ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.UNCHANGED);
        assertThat(result.providers()).filteredOn(p -> !p.registered()).hasSize(1);
    }

    @Test
    void connect_currentGeneration_keepsEtagAndOfferingsConfiguredElsewhere() {
        ConnectorSpec current = ConnectorSpec.builder().from(spec()).generation(ConnectorGeneration.CURRENT)
            .regions(List.of("us-east-1")).rescanInterval(Duration.ofHours(2)).build();
        ConnectorKey key = ConnectorKey.current(SUBSCRIPTION, "arc-machines", "aws-prod");
        port.connectors.put(key, ConnectorResource.builder().key(key).etag("\"etag-1\"").awsAccountId("123456789012")
            .otherOfferings(List.of("{\"offeringType\":\"DefenderCspmAws\"}")).build());

        ConnectResult result = service.connect(current, ConnectOptions.defaults());

        assertThat(result.change()).isEqualTo(Change.UPDATED);
        assertThat(port.puts).singleElement().satisfies(put -> {
            assertThat(put.etag()).contains("\"etag-1\"");
            assertThat(put.otherOfferings()).containsExactly("{\"offeringType\":\"DefenderCspmAws\"}");
            assertThat(put.scanInterval()).contains(Duration.ofHours(2));
            assertThat(put.regions()).containsExactly("us-east-1");
            assertThat(put.servicePrincipalSecret()).isEmpty();
            assertThat(put.externalId()).isEmpty();
        });
    }

    @Test
    void currentGenerationWithAccessKeys_isRefusedWhenTheSpecIsBuilt() {
        ConnectorSpec.Builder current = ConnectorSpec.builder().from(spec()).generation(ConnectorGeneration.CURRENT)
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE", Secret.of(KEY_SECRET)));

        assertThatThrownBy(current::build)
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("authentication: must be assume-role")
            .hasMessageNotContaining(KEY_SECRET);
    }

    @Test
    void status_connectorMissing_reportsNotExistingWithAnExplanation() {
        ConnectorStatus status = service.status(spec());

        assertThat(status.exists()).isFalse();
        assertThat(status.healthy()).isFalse();
        assertThat(status.explanations()).singleElement().asString().contains("does not exist");
    }

    @Test
    void status_authenticationIncorrectPolicy_explainsWhichPoliciesToAttach() {
        ConnectorKey key = ConnectorKey.classic(SUBSCRIPTION, "aws-prod");
        port.connectors.put(key, ConnectorResource.builder().key(key).authenticationState("IncorrectPolicy")
            .servicePrincipalState("Expired").grantedPermissions(List.of("AWS::SecurityAudit")).build());

        ConnectorStatus status = service.status(spec());

        assertThat(status.authenticationState()).contains(AuthenticationState.INCORRECT_POLICY);
        assertThat(status.healthy()).isFalse();
        assertThat(status.explanations()).hasSize(2)
            .anySatisfy(line -> assertThat(line).contains("AWSSecurityHubReadOnlyAccess"))
            .anySatisfy(line -> assertThat(line).contains("secret has expired"));
        assertThat(status.grantedPermissions()).containsExactly("AWS::SecurityAudit");
    }

    @Test
    void list_bothGenerations_classicOnesFirst() {
        ConnectorKey current = ConnectorKey.current(SUBSCRIPTION, "rg", "b");
        ConnectorKey classic = ConnectorKey.classic(SUBSCRIPTION, "a");
        port.connectors.put(current, ConnectorResource.builder().key(current).build());
        port.connectors.put(classic, ConnectorResource.builder().key(classic).build());

        assertThat(service.list(SUBSCRIPTION)).extracting(ConnectorStatus::generation)
            .containsExactly(ConnectorGeneration.CLASSIC, ConnectorGeneration.CURRENT);
    }

    @Test
    void disconnect_connectorMissing_succeedsReportingNothingDeleted() {
        assertThat(service.disconnect(spec())).isFalse();

        service.connect(spec(), ConnectOptions.defaults());
        assertThat(service.disconnect(spec())).isTrue();
        assertThat(port.connectors).isEmpty();
    }

    private static ArcSettings.Builder arc() {
        ArcSettings.Builder builder = ArcSettings.builder();
        builder.resourceGroup("arc-machines")
            .azureRegion("westus2")
            .servicePrincipalId("ad9bcd79-be9c-45ab-abd8-80ca1654a7d1")
            .servicePrincipalSecret(Secret.of("sp-secret"))
            .proxy(URI.create("http://10.0.0.1:3128"));
        return builder;
    }

    private static ConnectorSpec spec() {
        return spec(arc().build());
    }

    private static ConnectorSpec spec(ArcSettings arc) {
        return ConnectorSpec.builder()
            .displayName("aws-prod")
            .subscriptionId(SUBSCRIPTION)
            .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .awsAccountId("123456789012")
            .authentication(AwsAuthentication.assumeRole(ROLE))
            .arc(arc)
            .build();
    }
}
