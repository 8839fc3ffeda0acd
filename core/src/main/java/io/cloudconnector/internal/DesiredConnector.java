package io.cloudconnector.internal;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Violation;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import java.util.List;
import java.util.Optional;

/** The connector resource a {@link ConnectorSpec} asks for, in the terms of its generation. */
final class DesiredConnector {


    private DesiredConnector() {
    }

    /**
     * Where the spec's connector lives: at subscription scope (classic) or in the Arc resource group (current).
     *
     * @throws InvalidSpecException when a current-generation spec has no Arc settings to take the resource group from
     */
    static ConnectorKey key(ConnectorSpec spec) {
        if (spec.generation() == ConnectorGeneration.CLASSIC) {
            return ConnectorKey.classic(spec.subscriptionId(), spec.connectorName());
        }
        ArcSettings arc = spec.arc().orElseThrow(() -> invalid("arc",
            "is required for the current connector generation: it names the connector's resource group and region",
            "absent"));
        return ConnectorKey.current(spec.subscriptionId(), arc.resourceGroup(), spec.connectorName());
    }

    /**
     * The resource to write for {@code spec}, secrets included.
     *
     * @throws InvalidSpecException when the spec cannot be expressed in its generation
     */
    static ConnectorResource of(ConnectorSpec spec) {
        boolean classic = spec.generation() == ConnectorGeneration.CLASSIC;
        Optional<AwsAuthentication.AssumeRole> role = assumeRole(spec);
        Optional<AwsAuthentication.AccessKeys> keys = accessKeys(spec);
        Optional<ArcSettings> arc = spec.arc();
        return ConnectorResource.builder()
            .key(key(spec))
            .authenticationType(role.isPresent() ? AuthenticationType.ASSUME_ROLE : AuthenticationType.ACCESS_KEYS)
            .roleArn(role.map(AwsAuthentication.AssumeRole::roleArn))
            .externalId(classic ? spec.externalId() : Optional.empty())
            .accessKeyId(keys.map(AwsAuthentication.AccessKeys::accessKeyId))
            .secretAccessKey(keys.map(AwsAuthentication.AccessKeys::secretAccessKey))
            .autoProvision(arc.map(ArcSettings::autoProvision).orElse(false))
            .arcResourceGroup(arc.map(ArcSettings::resourceGroup))
            .arcRegion(arc.map(ArcSettings::azureRegion))
            .proxy(arc.flatMap(ArcSettings::proxy))
            .servicePrincipalId(arc.filter(settings -> classic).map(ArcSettings::servicePrincipalId))
            .servicePrincipalSecret(arc.filter(settings -> classic).map(ArcSettings::servicePrincipalSecret))
            .awsAccountId(classic ? Optional.empty() : Optional.of(spec.awsAccountId()))
            .regions(classic ? List.of() : spec.regions())
            .scanInterval(classic ? Optional.empty() : Optional.of(spec.rescanInterval()))
            .build();
    }

    private static Optional<AwsAuthentication.AssumeRole> assumeRole(ConnectorSpec spec) {
        if (spec.authentication() instanceof AwsAuthentication.AssumeRole role) {
            return Optional.of(role);
        }
        return Optional.empty();
    }

    private static Optional<AwsAuthentication.AccessKeys> accessKeys(ConnectorSpec spec) {
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys keys) {
            return Optional.of(keys);
        }
        return Optional.empty();
    }

    /** {@code desired} with what an update must keep from {@code current}: its entity tag and foreign offerings. */
    static ConnectorResource carryOver(ConnectorResource desired, Optional<ConnectorResource> current) {
        if (current.isEmpty()) {
            return desired;
        }
        return ConnectorResource.builder().from(desired)
            .etag(current.get().etag())
            .otherOfferings(current.get().otherOfferings())
            .build();
    }

    private static InvalidSpecException invalid(String field, String rule, String value) {
        return new InvalidSpecException(List.of(Violation.of(field, rule, value)));
    }
}
