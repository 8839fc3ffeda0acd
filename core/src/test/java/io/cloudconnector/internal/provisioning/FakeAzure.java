package io.cloudconnector.internal.provisioning;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.Secret;
import io.cloudconnector.internal.ConnectorService;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.CreatedClientSecret;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.ResourceProvider;
import io.cloudconnector.spi.RoleAssignmentFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Azure subscription and its tenant in memory, bare unless set up otherwise: no Arc resource provider registered,
 * no resource group, no application. Writes change it, so that a second plan sees the first apply. Records every
 * write as {@code operation target}; a write whose record is in {@link #failingWrites} throws instead, and a read whose
 * name (such as {@code applications AscArcOnboarding-123456789012}) is in {@link #failingReads} too.
 */
class FakeAzure implements AzureSide, AzureProvisioningPort, ConnectorPort {

    static final String CLIENT_SECRET = "Qx8Q~FakeClientSecretValue.00000000000001";
    static final String ONBOARDING_ROLE = "/subscriptions/" + FakeAccount.SUBSCRIPTION
        + "/providers/Microsoft.Authorization/roleDefinitions/b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";

    final Map<String, String> providers = new HashMap<>();
    final Map<String, String> resourceGroups = new HashMap<>();
    final List<EntraApplication> applications = new ArrayList<>();
    final Map<String, EntraServicePrincipal> principals = new HashMap<>();
    final List<RoleAssignmentFacts> assignments = new ArrayList<>();
    final Map<String, RuntimeException> failingWrites = new HashMap<>();
    final Map<String, RuntimeException> failingReads = new HashMap<>();
    final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private int ids;

    /** The {@code n}th fake GUID: {@code 00000000-0000-0000-0000-00000000000n}. */
    static String guid(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    static EntraApplication application(String displayName, int n, Instant... secretExpiries) {
        return EntraApplication.builder().objectId(guid(100 + n)).appId(guid(200 + n)).displayName(displayName)
            .addSecretExpiries(secretExpiries).build();
    }

    static RoleAssignmentFacts assignment(String scope, String roleDefinitionId, String principalId) {
        return RoleAssignmentFacts.builder().id(scope + "/providers/Microsoft.Authorization/roleAssignments/"
            + guid(900)).scope(scope).roleDefinitionId(roleDefinitionId).principalId(principalId).build();
    }

    static CloudServiceException error(String operation, String message) {
        return new CloudServiceException(operation + " failed: " + message, "azure", operation, null, 400,
            "BadRequest", "req-azure-1", false, null);
    }

    /** Every Arc resource provider registered. */
    FakeAzure registered() {
        ConnectorService.ARC_PROVIDERS.forEach(namespace -> providers.put(namespace, "Registered"));
        return this;
    }

    // AzureSide

    @Override
    public ConnectorPort connectors() {
        return this;
    }

    @Override
    public ArcPort arc() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public AssessmentPort assessments() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public AzureProvisioningPort azureProvisioning() {
        return this;
    }

    @Override
    public void close() {
    }

    // ConnectorPort: resource providers only

    @Override
    public ResourceProvider provider(String subscriptionId, String namespace) {
        read("provider " + namespace);
        return ResourceProvider.of(namespace, providers.getOrDefault(namespace, "NotRegistered"));
    }

    @Override
    public ResourceProvider register(String subscriptionId, String namespace) {
        write("register " + namespace);
        providers.put(namespace, "Registered");
        return ResourceProvider.of(namespace, "Registered");
    }

    @Override
    public Optional<ConnectorResource> get(ConnectorKey key) {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public ConnectorResource put(ConnectorResource resource) {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public boolean delete(ConnectorKey key) {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public List<ConnectorResource> list(ConnectorGeneration generation, String subscriptionId) {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    // AzureProvisioningPort reads

    @Override
    public List<EntraApplication> applications(String displayName) {
        read("applications " + displayName);
        return applications.stream().filter(app -> app.displayName().equals(displayName)).toList();
    }

    @Override
    public Optional<EntraServicePrincipal> servicePrincipal(String appId) {
        read("servicePrincipal " + appId);
        return Optional.ofNullable(principals.get(appId));
    }

    @Override
    public Optional<String> resourceGroupLocation(String subscriptionId, String name) {
        read("resourceGroup " + name);
        return Optional.ofNullable(resourceGroups.get(name));
    }

    @Override
    public List<RoleAssignmentFacts> roleAssignments(String scope, String principalId) {
        read("roleAssignments " + principalId);
        return assignments.stream().filter(a -> a.principalId().equals(principalId) && scope.startsWith(a.scope()))
            .toList();
    }

    // AzureProvisioningPort writes

    @Override
    public EntraApplication createApplication(String displayName) {
        write("createApplication " + displayName);
        EntraApplication created = application(displayName, ++ids);
        applications.add(created);
        return created;
    }

    @Override
    public EntraServicePrincipal createServicePrincipal(String appId) {
        write("createServicePrincipal " + appId);
        EntraServicePrincipal created = EntraServicePrincipal.of(guid(300 + ++ids), appId);
        principals.put(appId, created);
        return created;
    }

    @Override
    public CreatedClientSecret addClientSecret(String applicationObjectId, String displayName, Instant expiresAt) {
        write("addClientSecret " + applicationObjectId + " " + expiresAt);
        EntraApplication application = applications.stream().filter(app -> app.objectId().equals(applicationObjectId))
            .findFirst().orElseThrow();
        applications.set(applications.indexOf(application),
            EntraApplication.builder().from(application).addSecretExpiries(expiresAt).build());
        return CreatedClientSecret.of(guid(400), Secret.of(CLIENT_SECRET), expiresAt);
    }

    @Override
    public void createResourceGroup(String subscriptionId, String name, String location) {
        write("createResourceGroup " + name + " " + location);
        resourceGroups.putIfAbsent(name, location);
    }

    @Override
    public void assignRole(String scope, String roleDefinitionId, String principalId) {
        write("assignRole " + scope + " " + principalId);
        assignments.add(assignment(scope, roleDefinitionId, principalId));
    }

    private void read(String name) {
        if (failingReads.containsKey(name)) {
            throw failingReads.get(name);
        }
    }

    private void write(String call) {
        if (failingWrites.containsKey(call)) {
            throw failingWrites.get(call);
        }
        writes.add(call);
    }
}
