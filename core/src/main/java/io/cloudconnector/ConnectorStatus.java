package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A connector resource as Azure reports it: whether it exists, its AWS authentication and service principal states
 * (each non-valid state explained in words), the AWS permissions Azure found, and its Azure Arc settings without
 * secrets.
 *
 * <p>The classic generation reports both states and the granted permissions; the current generation reports none of
 * them, so they are empty there.
 */
@Value.Immutable
@ValueStyle
public abstract class ConnectorStatus {

    /** The state of the connector's AWS authentication, as Defender for Cloud last checked it. */
    public enum AuthenticationState {
        /** AWS accepted the connector's credentials and the required policies are attached. */
        VALID("Valid", "AWS accepts the connector's credentials."),
        /** AWS rejected the credentials. */
        INVALID("Invalid", "AWS rejects the connector's credentials: the role cannot be assumed by Microsoft's account"
            + " with this External ID, or the access keys are wrong or deactivated. Fix the role's trust policy or the"
            + " keys, then connect again with rotateCredentials."),
        /** The credentials expired. */
        EXPIRED("Expired", "The connector's AWS credentials have expired: create new access keys (or check that the"
            + " role still exists) and connect again with rotateCredentials."),
        /** The credentials work, but policies are missing. */
        INCORRECT_POLICY("IncorrectPolicy", "AWS accepts the credentials but the role or user lacks policies the"
            + " connector needs: attach SecurityAudit, AmazonSSMAutomationRole and AWSSecurityHubReadOnlyAccess.");

        private final String wireName;
        private final String explanation;

        AuthenticationState(String wireName, String explanation) {
            this.wireName = wireName;
            this.explanation = explanation;
        }

        /** What the state means and how to fix it, in words. */
        public String explanation() {
            return explanation;
        }

        /** The state Azure names {@code value} (case-insensitive); empty for a value this SDK does not know. */
        public static Optional<AuthenticationState> fromAzure(String value) {
            for (AuthenticationState state : values()) {
                if (state.wireName.equalsIgnoreCase(value)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    /** The state of the service principal that onboards machines to Azure Arc. */
    public enum ServicePrincipalState {
        /** Azure accepted the service principal. */
        VALID("Valid", "Azure accepts the service principal."),
        /** Azure rejected it. */
        INVALID("Invalid", "Azure rejects the service principal: the application ID or secret is wrong, or the"
            + " application was deleted. Fix it, then connect again with rotateCredentials."),
        /** Its secret expired. */
        EXPIRED("Expired", "The service principal's secret has expired: create a new client secret and connect again"
            + " with rotateCredentials.");

        private final String wireName;
        private final String explanation;

        ServicePrincipalState(String wireName, String explanation) {
            this.wireName = wireName;
            this.explanation = explanation;
        }

        /** What the state means and how to fix it, in words. */
        public String explanation() {
            return explanation;
        }

        /** The state Azure names {@code value} (case-insensitive); empty for a value this SDK does not know. */
        public static Optional<ServicePrincipalState> fromAzure(String value) {
            for (ServicePrincipalState state : values()) {
                if (state.wireName.equalsIgnoreCase(value)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which Azure resource represents the connector. */
    public abstract ConnectorGeneration generation();

    /** The connector's resource name. */
    public abstract String name();

    /** Whether the connector resource exists; when not, every other value is empty. */
    public abstract boolean exists();

    /** The Azure resource ID. */
    public abstract Optional<String> resourceId();

    /** The AWS account ID the connector points at, as Azure reports it. */
    public abstract Optional<String> awsAccountId();

    /** The AWS authentication state (classic generation); empty when Azure does not report it. */
    public abstract Optional<AuthenticationState> authenticationState();

    /** The service principal state (classic generation); empty when Azure does not report it. */
    public abstract Optional<ServicePrincipalState> servicePrincipalState();

    /** The AWS policies Azure found granted, such as {@code AWS::SecurityAudit} (classic generation). */
    public abstract List<String> grantedPermissions();

    /** Whether Azure Arc auto-provisioning is on; false when the connector does not exist. */
    public abstract boolean autoProvision();

    /** The Azure Arc settings as stored; empty when the connector has none. */
    public abstract Optional<StoredArcSettings> arc();

    /** The AWS regions scanned (current generation); empty means every region. */
    public abstract List<String> regions();

    /** The interval between scans (current generation). */
    public abstract Optional<Duration> scanInterval();

    /** Whether the connector exists and no reported state is other than valid. */
    @Value.Derived
    @Value.Auxiliary
    public boolean healthy() {
        return exists()
            && authenticationState().map(s -> s == AuthenticationState.VALID).orElse(true)
            && servicePrincipalState().map(s -> s == ServicePrincipalState.VALID).orElse(true);
    }

    /** One sentence per problem: a missing connector, and each state other than valid with what to do about it. */
    @Value.Derived
    @Value.Auxiliary
    public List<String> explanations() {
        List<String> lines = new ArrayList<>();
        if (!exists()) {
            lines.add("The " + generation().name().toLowerCase(Locale.ROOT) + " connector '" + name()
                + "' does not exist: call connect to create it.");
        }
        authenticationState().filter(s -> s != AuthenticationState.VALID).map(AuthenticationState::explanation)
            .ifPresent(lines::add);
        servicePrincipalState().filter(s -> s != ServicePrincipalState.VALID).map(ServicePrincipalState::explanation)
            .ifPresent(lines::add);
        return List.copyOf(lines);
    }

    /** Builds {@link ConnectorStatus}. */
    public static class Builder extends ImmutableConnectorStatus.Builder {
    }
}
