package io.cloudconnector.spi;

import io.cloudconnector.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A connector resource in Azure, in the terms of both generations: what core asks an adapter to write, and what an
 * adapter read back.
 *
 * <p>Read-only facts ({@link #id()}, the states, {@link #grantedPermissions()}) are empty in a resource to write.
 * Write-only secrets are empty in a resource read back: Azure never returns them (it answers {@code ""},
 * {@code "null"} or nothing, and adapters report all three as empty). Fields a generation does not have stay empty.
 */
@Value.Immutable
public interface ConnectorResource {

    /** How the connector authenticates to AWS. */
    enum AuthenticationType {
        /** An IAM role Microsoft's account assumes ({@code awsAssumeRole}). */
        ASSUME_ROLE,
        /** An IAM user's access keys ({@code awsCreds}); the classic generation only. */
        ACCESS_KEYS
    }

    ConnectorKey key();

    /** The Azure resource ID; read-only. */
    Optional<String> id();

    /** The entity tag of a current-generation connector, sent back on update; read-only. */
    Optional<String> etag();

    /**
     * The AWS account ID: the current generation's {@code hierarchyIdentifier}; the classic generation's read-only
     * {@code accountId}.
     */
    Optional<String> awsAccountId();

    /** How the connector authenticates to AWS; empty when Azure did not say. */
    Optional<AuthenticationType> authenticationType();

    /** The role ARN for assume-role authentication (the current generation uses it for every offering). */
    Optional<String> roleArn();

    /** The External ID of the role (classic). */
    Optional<String> externalId();

    /** The access key ID (classic access-key authentication); Azure often withholds it on read. */
    Optional<String> accessKeyId();

    /** The secret access key; write-only. */
    @Value.Redacted
    Optional<Secret> secretAccessKey();

    /** The classic authentication state: {@code Valid}, {@code Invalid}, {@code Expired} or {@code IncorrectPolicy}. */
    Optional<String> authenticationState();

    /** The AWS policies Azure found granted, such as {@code AWS::SecurityAudit} (classic); read-only. */
    List<String> grantedPermissions();

    /** Whether Azure Arc auto-provisioning is on; off unless set. */
    @Value.Default
    default boolean autoProvision() {
        return false;
    }

    /** The resource group of the Arc machines (for the current generation: the connector's own). */
    Optional<String> arcResourceGroup();

    /** The Azure region of the Arc machines (for the current generation: the connector's location), as Azure has it. */
    Optional<String> arcRegion();

    /** The HTTP proxy of the Arc agent. */
    Optional<URI> proxy();

    /** The application ID of the service principal that onboards machines (classic). */
    Optional<String> servicePrincipalId();

    /** The service principal's secret; write-only. */
    @Value.Redacted
    Optional<Secret> servicePrincipalSecret();

    /** The service principal's state: {@code Valid}, {@code Invalid} or {@code Expired} (classic); read-only. */
    Optional<String> servicePrincipalState();

    /** The AWS regions scanned (current); empty means every region. */
    List<String> regions();

    /** The scan interval (current), in whole hours on the wire. */
    Optional<Duration> scanInterval();

    /**
     * Offerings of the current generation that this SDK does not manage, as JSON objects; carried over unchanged when
     * the connector is updated, so a write never drops an offering configured elsewhere.
     */
    List<String> otherOfferings();

    static ImmutableConnectorResource.Builder builder() {
        return ImmutableConnectorResource.builder();
    }
}
