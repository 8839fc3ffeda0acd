package io.cloudconnector.internal;

import io.cloudconnector.spi.ConnectorResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings in which a connector read from Azure differs from the one a spec asks for. Secrets are never compared
 * (Azure does not return them), nor are read-only facts. Names and regions compare the way Azure treats them: resource
 * groups and IDs without case, regions without case and spaces ({@code West US 2} is {@code westus2}), proxies by
 * host and port.
 */
final class ConnectorDiff {

    private ConnectorDiff() {
    }

    /** The names of the settings that differ, in a fixed order; empty when {@code actual} matches. */
    static List<String> between(ConnectorResource desired, ConnectorResource actual) {
        List<String> changed = new ArrayList<>();
        if (desired.awsAccountId().isPresent()) {
            compare(changed, "awsAccountId", desired, actual, ConnectorResource::awsAccountId, Function.identity());
        }
        compare(changed, "authenticationType", desired, actual, ConnectorResource::authenticationType,
            Function.identity());
        compare(changed, "roleArn", desired, actual, ConnectorResource::roleArn, Function.identity());
        compare(changed, "externalId", desired, actual, ConnectorResource::externalId, Function.identity());
        if (actual.accessKeyId().isPresent()) {
            compare(changed, "accessKeyId", desired, actual, ConnectorResource::accessKeyId, Function.identity());
        }
        if (desired.autoProvision() != actual.autoProvision()) {
            changed.add("arc.autoProvision");
        }
        compare(changed, "arc.resourceGroup", desired, actual, ConnectorResource::arcResourceGroup,
            ConnectorDiff::lower);
        compare(changed, "arc.azureRegion", desired, actual, ConnectorResource::arcRegion, ConnectorDiff::region);
        compare(changed, "arc.proxy", desired, actual, ConnectorResource::proxy, ConnectorDiff::hostAndPort);
        compare(changed, "arc.servicePrincipalId", desired, actual, ConnectorResource::servicePrincipalId,
            ConnectorDiff::lower);
        if (!regions(desired.regions()).equals(regions(actual.regions()))) {
            changed.add("regions");
        }
        compare(changed, "scanInterval", desired, actual, ConnectorResource::scanInterval, Function.identity());
        return List.copyOf(changed);
    }

    private static <T, K> void compare(List<String> changed, String name, ConnectorResource desired,
        ConnectorResource actual, Function<ConnectorResource, Optional<T>> field, Function<T, K> canonical) {
        Optional<K> wanted = field.apply(desired).map(canonical);
        Optional<K> found = field.apply(actual).map(canonical);
        if (!Objects.equals(wanted, found)) {
            changed.add(name);
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** An Azure location name: {@code West US 2} and {@code westus2} are one region. */
    static String region(String value) {
        return value.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String hostAndPort(URI proxy) {
        return lower(String.valueOf(proxy.getHost())) + ":" + effectivePort(proxy);
    }

    /** The proxy's port, or its scheme's default (443 for https, 80 otherwise). */
    static int effectivePort(URI proxy) {
        if (proxy.getPort() >= 0) {
            return proxy.getPort();
        }
        return "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
    }

    private static Set<String> regions(Collection<String> regions) {
        return regions.stream().map(ConnectorDiff::lower).collect(Collectors.toSet());
    }
}
