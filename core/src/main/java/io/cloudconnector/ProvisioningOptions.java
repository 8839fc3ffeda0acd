package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What {@link ConnectorClient#plan(ConnectorSpec, ProvisioningOptions)} prepares beyond the defaults: the CIS AWS
 * Foundations Benchmark version, the S3 bucket AWS Config delivers to and whether to create it, the connector's IAM
 * role, and the IAM user (and access key) of the access-key variant.
 *
 * <p>By default: CIS {@value #DEFAULT_CIS_VERSION}; the bucket {@code config-bucket-<account ID>}, used but not
 * created; the role prepared, named after the spec's role when the spec assumes one, else {@value #DEFAULT_ROLE_NAME};
 * no IAM user and no access key. Immutable; {@link Builder#build()} throws {@link IllegalArgumentException} naming
 * every broken rule.
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
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid provisioning options: " + String.join("; ", problems));
        }
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
