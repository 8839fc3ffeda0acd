package io.cloudconnector;

import io.cloudconnector.internal.AzureRegions;
import io.cloudconnector.internal.SpecValidator;
import io.cloudconnector.internal.ValueStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What {@link ConnectorClient#plan(ConnectorSpec, ProvisioningOptions)} prepares beyond the defaults: the CIS AWS
 * Foundations Benchmark version, the S3 bucket AWS Config delivers to and whether to create it, the connector's IAM
 * role, the IAM user (and access key) of the access-key variant, and on the Azure side the service principal that
 * onboards EC2 instances to Azure Arc.
 *
 * <p>By default: CIS {@value #DEFAULT_CIS_VERSION}; the bucket {@code config-bucket-<account ID>}, used but not
 * created; the role prepared, named after the spec's role when the spec assumes one, else {@value #DEFAULT_ROLE_NAME};
 * no IAM user and no access key; no service principal. Immutable; {@link Builder#build()} throws
 * {@link IllegalArgumentException} naming every broken rule.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningOptions {

    /** The CIS AWS Foundations Benchmark version subscribed in Security Hub by default. */
    public static final String DEFAULT_CIS_VERSION = "1.4.0";
    /** The connector role's name when neither the options nor the spec name one. */
    public static final String DEFAULT_ROLE_NAME = "AscConnector";
    /** The IAM user's name for the access-key variant, unless the options name another. */
    public static final String DEFAULT_USER_NAME = "AscConnectorUser";
    /** The default AWS Config bucket is this prefix followed by the AWS account ID. */
    public static final String DEFAULT_BUCKET_PREFIX = "config-bucket-";

    /** The default service principal name is this prefix followed by the AWS account ID. */
    public static final String DEFAULT_SERVICE_PRINCIPAL_PREFIX = "AscArcOnboarding-";
    /** How long the service principal's client secret is valid unless the options say otherwise: 365 days. */
    public static final Duration DEFAULT_CLIENT_SECRET_LIFETIME = Duration.ofDays(365);

    private static final int MAX_SERVICE_PRINCIPAL_NAME = 120;
    private static final Duration MIN_CLIENT_SECRET_LIFETIME = Duration.ofDays(1);
    private static final Duration MAX_CLIENT_SECRET_LIFETIME = Duration.ofDays(730);
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: see the type's description. */
    public static ProvisioningOptions defaults() {
        return builder().build();
    }

    /** The CIS AWS Foundations Benchmark version to subscribe in every region, such as {@code 1.4.0} (the default). */
    @Value.Default
    public String cisVersion() {
        return DEFAULT_CIS_VERSION;
    }

    /**
     * The S3 bucket AWS Config delivers to, in regions without a delivery channel; empty means
     * {@code config-bucket-<account ID>}. A region whose channel already delivers elsewhere is left as it is (and
     * reported as a conflict when a bucket is named here).
     */
    public abstract Optional<String> configBucket();

    /**
     * Whether to create the bucket when it does not exist (private, with S3-managed default encryption, all public
     * access blocked, and the policy AWS Config needs) and to complete those settings when it exists. Off by default:
     * then a missing bucket is reported as a conflict, and only a missing bucket policy is added to an existing bucket.
     */
    @Value.Default
    public boolean createConfigBucket() {
        return false;
    }

    /** Whether to prepare the connector's IAM role (trust, External ID, managed policies). On by default. */
    @Value.Default
    public boolean createRole() {
        return true;
    }

    /**
     * The connector role's name; empty means the spec's role (when the spec assumes one), else
     * {@value #DEFAULT_ROLE_NAME}.
     */
    public abstract Optional<String> roleName();

    /** Whether to prepare an IAM user for access-key authentication. Off by default. */
    @Value.Default
    public boolean createUser() {
        return false;
    }

    /** The IAM user's name; {@value #DEFAULT_USER_NAME} by default. */
    @Value.Default
    public String userName() {
        return DEFAULT_USER_NAME;
    }

    /**
     * Whether to create an access key for the IAM user, returned once by
     * {@link ProvisioningResult#accessKey()}. Only planned while the user has no access key: the secret of an existing
     * key cannot be read back, and a second key is never made behind the caller's back. Needs {@link #createUser()}.
     * Off by default.
     */
    @Value.Default
    public boolean createAccessKey() {
        return false;
    }

    /**
     * Whether to prepare the service principal of Azure Arc onboarding at scale in the spec's Azure subscription and
     * its tenant: the resource providers Microsoft.HybridCompute, Microsoft.GuestConfiguration and
     * Microsoft.HybridConnectivity registered; the Arc resource group ({@link #arcResourceGroup()}) created in
     * {@link #arcRegion()} when missing; a Microsoft Entra application named {@link #servicePrincipalName()} with its
     * service principal; a client secret, returned once by {@link ProvisioningResult#servicePrincipal()}; and the
     * built-in role Azure Connected Machine Onboarding on the resource group.
     *
     * <p>A client secret is only planned while the application has none that is unexpired: the value of an existing
     * secret cannot be read back, and a second secret is never made behind the caller's back. Several applications
     * with the name are a conflict: provisioning cannot tell which one is meant. Needs the resource group and region
     * of the Arc machines, from these options or the spec's Arc settings: planning without them throws
     * {@link IllegalArgumentException} before anything is read. Off by default.
     */
    @Value.Default
    public boolean createServicePrincipal() {
        return false;
    }

    /**
     * The display name of the Entra application and its service principal: 1 to 120 characters without control
     * characters, not only white space; empty means {@value #DEFAULT_SERVICE_PRINCIPAL_PREFIX} followed by the AWS
     * account ID.
     */
    public abstract Optional<String> servicePrincipalName();

    /**
     * How long the client secret is valid from the moment it is created: 1 to 730 days, in whole days; 365 days by
     * default.
     */
    @Value.Default
    public Duration clientSecretLifetime() {
        return DEFAULT_CLIENT_SECRET_LIFETIME;
    }

    /**
     * The resource group of the Arc machines, where the service principal gets its role; empty means the spec's
     * {@link ArcSettings#resourceGroup()}. One of the two is needed with {@link #createServicePrincipal()}. Follows
     * Azure's rules for resource group names, as {@link ArcSettings#resourceGroup()} does.
     */
    public abstract Optional<String> arcResourceGroup();

    /**
     * The Azure region of the Arc machines, where a missing resource group is created: a location name such as
     * {@code westus2} or a display name such as {@code West US 2}; empty means the spec's
     * {@link ArcSettings#azureRegion()}. One of the two is needed with {@link #createServicePrincipal()}. An existing
     * resource group in another region is used as it is.
     */
    public abstract Optional<String> arcRegion();

    @Value.Check
    protected void check() {
        List<String> problems = new ArrayList<>();
        if (!VERSION.matcher(cisVersion()).matches()) {
            problems.add("cisVersion: must be a version such as 1.4.0 (was '" + cisVersion() + "')");
        }
        configBucket().filter(bucket -> !BUCKET.matcher(bucket).matches() || bucket.contains(".."))
            .ifPresent(bucket -> problems.add("configBucket: must be an S3 bucket name: 3 to 63 lower-case letters, "
                + "digits, '.' and '-', starting and ending with a letter or digit (was '" + bucket + "')"));
        roleName().filter(name -> !IAM_NAME.matcher(name).matches())
            .ifPresent(name -> problems.add("roleName: must be 1 to 64 letters, digits or +=,.@_- (was '" + name
                + "')"));
        if (!IAM_NAME.matcher(userName()).matches()) {
            problems.add("userName: must be 1 to 64 letters, digits or +=,.@_- (was '" + userName() + "')");
        }
        if (createAccessKey() && !createUser()) {
            problems.add("createAccessKey: needs createUser(true), the user the key belongs to");
        }
        servicePrincipal(problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid provisioning options: " + String.join("; ", problems));
        }
    }

    private void servicePrincipal(List<String> problems) {
        servicePrincipalName().filter(name -> name.isBlank() || name.length() > MAX_SERVICE_PRINCIPAL_NAME
            || name.codePoints().anyMatch(Character::isISOControl))
            .ifPresent(name -> problems.add("servicePrincipalName: must be 1 to " + MAX_SERVICE_PRINCIPAL_NAME
                + " characters without control characters, not only white space (was '" + printable(name) + "')"));
        Duration lifetime = clientSecretLifetime();
        if (lifetime.compareTo(MIN_CLIENT_SECRET_LIFETIME) < 0 || lifetime.compareTo(MAX_CLIENT_SECRET_LIFETIME) > 0
            || !lifetime.equals(Duration.ofDays(lifetime.toDays()))) {
            problems.add("clientSecretLifetime: must be 1 to 730 days, in whole days (was " + days(lifetime) + ")");
        }
        if (!createServicePrincipal()) {
            List<String> unused = new ArrayList<>();
            servicePrincipalName().ifPresent(name -> unused.add("servicePrincipalName"));
            arcResourceGroup().ifPresent(group -> unused.add("arcResourceGroup"));
            arcRegion().ifPresent(region -> unused.add("arcRegion"));
            if (!unused.isEmpty()) {
                problems.add(String.join(", ", unused) + ": only used with createServicePrincipal(true), which is off");
            }
        }
        arcResourceGroup().ifPresent(group -> SpecValidator.resourceGroupProblem(group)
            .ifPresent(rule -> problems.add("arcResourceGroup: " + rule + " (was '" + printable(group) + "')")));
        arcRegion().filter(region -> AzureRegions.locationName(region).isEmpty())
            .ifPresent(region -> problems.add("arcRegion: must be an Azure region: a location name such as westus2 "
                + "or a display name such as West US 2 (was '" + printable(region) + "')"));
    }

    /** {@code lifetime} in days, such as {@code 731 days} or {@code 1.5 days}. */
    private static String days(Duration lifetime) {
        double days = lifetime.toSeconds() / 86_400.0;
        return (days == Math.rint(days) ? Long.toString((long) days) : Double.toString(days)) + " days";
    }

    /** {@code value} with control characters written as code points ({@code U+000A}), so that a message shows them. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("U+%04X", c)
            : Character.toString(c)));
        return out.toString();
    }

    /** Builds {@link ProvisioningOptions}. */
    public static class Builder extends ImmutableProvisioningOptions.Builder {

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming every broken rule
         */
        @Override
        public ProvisioningOptions build() {
            return super.build();
        }
    }
}
