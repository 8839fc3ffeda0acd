package io.cloudconnector.internal.readiness;

import java.util.List;

/** The AWS managed policies the connector's role and users need, and how to tell whether one is attached. */
public final class ManagedPolicies {

    public static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";
    public static final String SSM_AUTOMATION_ROLE = "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole";
    public static final String SECURITY_HUB_READ_ONLY = "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess";
    public static final String SSM_MANAGED_INSTANCE_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    /** The predecessor of {@link #SSM_MANAGED_INSTANCE_CORE}, which AWS marks as soon to be deprecated. */
    public static final String EC2_ROLE_FOR_SSM = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM";

    /** What the role Microsoft assumes needs, in the order the connector's documentation lists them. */
    public static final List<String> ROLE_POLICIES =
        List.of(SECURITY_AUDIT, SSM_AUTOMATION_ROLE, SECURITY_HUB_READ_ONLY);

    private ManagedPolicies() {
    }

    /** Whether {@code policyArn} is among {@code attached}, in any partition (aws, aws-us-gov, aws-cn). */
    public static boolean attached(List<String> attached, String policyArn) {
        String wanted = withoutPartition(policyArn);
        return attached.stream().map(ManagedPolicies::withoutPartition).anyMatch(wanted::equals);
    }

    /** The policy's name: the last segment of its ARN. */
    public static String name(String policyArn) {
        return policyArn.substring(policyArn.lastIndexOf('/') + 1);
    }

    private static String withoutPartition(String arn) {
        int service = arn.indexOf(":iam::");
        return service < 0 ? arn : arn.substring(service);
    }
}
