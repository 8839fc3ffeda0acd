package io.cloudconnector.internal;

import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ResourceProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ConnectorPort} that records every write. */
final class FakeConnectorPort implements ConnectorPort {

    final Map<ConnectorKey, ConnectorResource> connectors = new LinkedHashMap<>();
    final Map<String, String> providerStates = new HashMap<>();
    final List<ConnectorResource> puts = new ArrayList<>();
    final List<String> registered = new ArrayList<>();

    FakeConnectorPort allProvidersRegistered() {
        for (String namespace : List.of("Microsoft.Security", "Microsoft.HybridCompute",
            "Microsoft.GuestConfiguration", "Microsoft.HybridConnectivity")) {
            providerStates.put(namespace, "Registered");
        }
        return this;
    }

    @Override
    public Optional<ConnectorResource> get(ConnectorKey key) {
        return Optional.ofNullable(connectors.get(key));
    }

    @Override
    public ConnectorResource put(ConnectorResource resource) {
        puts.add(resource);
        ConnectorResource stored = ConnectorResource.builder().from(resource)
            .id("/subscriptions/" + resource.key().subscriptionId() + "/connectors/" + resource.key().name())
            .secretAccessKey(Optional.empty())
            .servicePrincipalSecret(Optional.empty())
            .build();
        connectors.put(resource.key(), stored);
        return stored;
    }

    @Override
    public boolean delete(ConnectorKey key) {
        return connectors.remove(key) != null;
    }

    @Override
    public List<ConnectorResource> list(ConnectorGeneration generation, String subscriptionId) {
        return connectors.values().stream()
            .filter(c -> c.key().generation() == generation && c.key().subscriptionId().equals(subscriptionId))
            .toList();
    }

    @Override
    public ResourceProvider provider(String subscriptionId, String namespace) {
        return ResourceProvider.of(namespace, providerStates.getOrDefault(namespace, "NotRegistered"));
    }

    @Override
    public ResourceProvider register(String subscriptionId, String namespace) {
        registered.add(namespace);
        providerStates.put(namespace, "Registered");
        return provider(subscriptionId, namespace);
    }
}
