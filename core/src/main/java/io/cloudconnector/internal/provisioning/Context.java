package io.cloudconnector.internal.provisioning;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.spi.CallerIdentity;

/**
 * What every rule of one plan needs: the spec and options, and the names they resolve to (the account's partition,
 * the External ID, the role and the bucket).
 *
 * @param partition the ARN partition of the account, such as {@code aws} or {@code aws-us-gov}
 * @param externalId the External ID the role must require: the spec's, else the Azure subscription ID
 * @param roleName the connector role's name: the options', else the spec's role, else the default
 * @param bucketName the AWS Config bucket: the options', else {@code config-bucket-<account ID>}
 */
record Context(ConnectorSpec spec, ProvisioningOptions options, String partition, String externalId,
    String roleName, String bucketName) {

    static final String CONFIG_SERVICE = "config.amazonaws.com";
    static final String CONFIG_SERVICE_LINKED_ROLE = "AWSServiceRoleForConfig";
    private static final String CIS = "cis-aws-foundations-benchmark/v/";
    /** The one CIS version whose standard ARN is a global ruleset rather than a regional standard. */
    private static final String CIS_RULESET_VERSION = "1.2.0";

    static Context of(ConnectorSpec spec, ProvisioningOptions options, CallerIdentity identity) {
        String[] arn = identity.arn().split(":", -1);
        String partition = arn.length > 1 && !arn[1].isEmpty() ? arn[1] : "aws";
        String roleName = options.roleName().orElseGet(() -> spec.authentication()
            instanceof AwsAuthentication.AssumeRole role ? role.roleName() : ProvisioningOptions.DEFAULT_ROLE_NAME);
        return new Context(spec, options, partition, spec.externalId().orElse(spec.subscriptionId()), roleName,
            options.configBucket().orElse(ProvisioningOptions.DEFAULT_BUCKET_PREFIX + spec.awsAccountId()));
    }

    String accountId() {
        return spec.awsAccountId();
    }

    /** The ARN of the connector's role, as IAM gives it to a role created at the root path. */
    String roleArn() {
        return "arn:" + partition + ":iam::" + accountId() + ":role/" + roleName;
    }

    /** The ARN of AWS Config's service-linked role. */
    String configServiceLinkedRoleArn() {
        return "arn:" + partition + ":iam::" + accountId() + ":role/aws-service-role/" + CONFIG_SERVICE + "/"
            + CONFIG_SERVICE_LINKED_ROLE;
    }

    /** The ARN of the chosen CIS standard in {@code region}; version 1.2.0 is a global ruleset. */
    String cisStandardsArn(String region) {
        String version = options.cisVersion();
        if (CIS_RULESET_VERSION.equals(version)) {
            return "arn:" + partition + ":securityhub:::ruleset/" + CIS + version;
        }
        return "arn:" + partition + ":securityhub:" + region + "::standards/" + CIS + version;
    }

    /** Whether a subscribed standard's ARN is the chosen CIS version, whatever its region or form. */
    boolean isChosenCis(String standardsArn) {
        return standardsArn.endsWith("/" + CIS + options.cisVersion());
    }

    String cisResource() {
        return "securityhub/standard/" + CIS + options.cisVersion();
    }

    static String roleResource(String roleName) {
        return "iam/role/" + roleName;
    }

    static String userResource(String userName) {
        return "iam/user/" + userName;
    }

    String bucketResource() {
        return "s3/bucket/" + bucketName;
    }
}
