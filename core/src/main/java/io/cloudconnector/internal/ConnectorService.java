package io.cloudconnector.internal;

import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectResult.Change;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.NotReadyException;
import io.cloudconnector.ProviderRegistration;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ResourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads, lists and deletes the connector resource through a {@link ConnectorPort}.
 *
 * <p>{@link #connect} is idempotent: it reads the connector, compares it with the spec, and writes only when a
 * setting differs, the connector is missing, or credentials are to be rotated. Secrets cannot be compared, so an
 * existing connector whose other settings match keeps its secrets. A write always carries the spec's secrets: the
 * classic API has no partial update.
 */
public final class ConnectorService {

    /** The resource provider every connector needs. */
    static final String SECURITY_PROVIDER = "Microsoft.Security";

    /** The resource providers Azure Arc onboarding needs. */
    public static final List<String> ARC_PROVIDERS =
        List.of("Microsoft.HybridCompute", "Microsoft.GuestConfiguration", "Microsoft.HybridConnectivity");

    /** The name {@link ConnectResult#changedSettings()} gives a rotation of secrets. */
    static final String CREDENTIALS = "credentials";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorService.class);

    private final ConnectorPort port;

    public ConnectorService(ConnectorPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    /**
     * Makes the spec's connector exist with the spec's settings.
     *
     * @throws io.cloudconnector.InvalidSpecException when the spec cannot be expressed in its generation
     * @throws NotReadyException when a write is needed and a resource provider it needs is not registered
     */
    public ConnectResult connect(ConnectorSpec spec, ConnectOptions options) {
        ConnectorResource desired = DesiredConnector.of(spec);
        Optional<ConnectorResource> current = port.get(desired.key());
        List<String> changed = current.map(found -> ConnectorDiff.between(desired, found)).orElse(List.of());
        boolean write = current.isEmpty() || !changed.isEmpty() || options.rotateCredentials();
        List<ProviderRegistration> providers = providers(spec, options);
        if (!write) {
            LOG.debug("Connector {} already matches the spec; nothing written", describe(desired.key()));
            return result(Change.UNCHANGED, List.of(), current.get(), providers);
        }
        requireRegistered(spec, providers);

        ConnectorResource written = port.put(DesiredConnector.carryOver(desired, current));
        Change change = current.isEmpty() ? Change.CREATED : Change.UPDATED;
        List<String> settings = current.isEmpty() ? List.of() : withRotation(changed, options);
        LOG.info("{} connector {}{}", change == Change.CREATED ? "Created" : "Updated", describe(desired.key()),
            settings.isEmpty() ? "" : " (" + String.join(", ", settings) + ")");
        return result(change, settings, written, providers);
    }

    /** The spec's connector as Azure reports it; {@link ConnectorStatus#exists()} is false when there is none. */
    public ConnectorStatus status(ConnectorSpec spec) {
        ConnectorKey key = DesiredConnector.key(spec);
        return port.get(key).map(ConnectorStatuses::of).orElseGet(() -> ConnectorStatuses.absent(key));
    }

    /** Every AWS connector of both generations in the subscription, classic ones first. */
    public List<ConnectorStatus> list(String subscriptionId) {
        return Stream.of(ConnectorGeneration.CLASSIC, ConnectorGeneration.CURRENT)
            .flatMap(generation -> port.list(generation, subscriptionId).stream())
            .map(ConnectorStatuses::of)
            .toList();
    }

    /** Deletes the spec's connector; {@code false} when there was none, which is not an error. */
    public boolean disconnect(ConnectorSpec spec) {
        ConnectorKey key = DesiredConnector.key(spec);
        boolean deleted = port.delete(key);
        LOG.info(deleted ? "Deleted connector {}" : "Connector {} did not exist; nothing deleted", describe(key));
        return deleted;
    }

    private List<ProviderRegistration> providers(ConnectorSpec spec, ConnectOptions options) {
        List<String> required = requiredProviders(spec);
        List<ProviderRegistration> report = new ArrayList<>();
        for (String namespace : Stream.concat(Stream.of(SECURITY_PROVIDER), ARC_PROVIDERS.stream()).toList()) {
            boolean needed = required.contains(namespace);
            ResourceProvider provider = port.provider(spec.subscriptionId(), namespace);
            boolean register = needed && !provider.registered() && options.registerProviders();
            if (register) {
                provider = port.register(spec.subscriptionId(), namespace);
                LOG.info("Registered resource provider {} in subscription {}: {}", namespace, spec.subscriptionId(),
                    provider.registrationState());
            }
            report.add(ProviderRegistration.builder().namespace(namespace).state(provider.registrationState())
                .required(needed).registeredNow(register).build());
        }
        return List.copyOf(report);
    }

    private static List<String> requiredProviders(ConnectorSpec spec) {
        boolean arc = spec.arc().map(settings -> settings.autoProvision()).orElse(false);
        return arc ? Stream.concat(Stream.of(SECURITY_PROVIDER), ARC_PROVIDERS.stream()).toList()
            : List.of(SECURITY_PROVIDER);
    }

    private static void requireRegistered(ConnectorSpec spec, List<ProviderRegistration> providers) {
        List<ProviderRegistration> missing = providers.stream()
            .filter(provider -> provider.required() && !provider.registered())
            .toList();
        if (missing.isEmpty()) {
            return;
        }
        String names = missing.stream().map(p -> p.namespace() + " (" + p.state() + ")")
            .collect(Collectors.joining(", "));
        throw new NotReadyException("Resource providers the connector needs are not registered in subscription "
            + spec.subscriptionId() + ": " + names + ". Connect with ConnectOptions.registerProviders(true), or run"
            + " 'az provider register --namespace <name>' for each, then connect again.");
    }

    private static List<String> withRotation(List<String> changed, ConnectOptions options) {
        if (!options.rotateCredentials()) {
            return changed;
        }
        return Stream.concat(changed.stream(), Stream.of(CREDENTIALS)).toList();
    }

    private static ConnectResult result(Change change, List<String> settings, ConnectorResource resource,
        List<ProviderRegistration> providers) {
        return ConnectResult.builder().change(change).changedSettings(settings)
            .status(ConnectorStatuses.of(resource)).providers(providers).build();
    }

    private static String describe(ConnectorKey key) {
        return "'" + key.name() + "' (" + key.generation().name().toLowerCase(Locale.ROOT) + ") in subscription "
            + key.subscriptionId() + key.resourceGroup().map(group -> ", resource group " + group).orElse("");
    }
}
