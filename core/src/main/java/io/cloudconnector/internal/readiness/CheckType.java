package io.cloudconnector.internal.readiness;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Scope;
import io.cloudconnector.ReadinessCheck.Status;
import java.util.Optional;

/** Every kind of readiness check, with its stable ID, its name and its scope; builds the checks of its kind. */
enum CheckType {
    CREDENTIALS("credentials", "Credentials belong to the spec's account", Scope.ACCOUNT),
    ASSUME_ROLE("credentials.assume-role", "Role assumed with the External ID", Scope.ACCOUNT),
    REGIONS("regions", "Regions to check", Scope.ACCOUNT),
    REGION_ENABLED("region.enabled", "Region enabled for the account", Scope.REGION),
    CONFIG_RECORDER("config.recorder", "AWS Config recording", Scope.REGION),
    CONFIG_RESOURCE_TYPES("config.resource-types", "AWS Config records all resource types", Scope.REGION),
    HUB_ENABLED("securityhub.enabled", "Security Hub enabled", Scope.REGION),
    HUB_FINDINGS("securityhub.findings", "Security Hub findings flowing", Scope.REGION),
    HUB_CIS("securityhub.cis", "CIS AWS Foundations standard ready", Scope.REGION),
    ROLE_TRUST("iam.role.trust", "Role trusts Microsoft's account", Scope.ACCOUNT),
    ROLE_EXTERNAL_ID("iam.role.external-id", "Role requires the External ID", Scope.ACCOUNT),
    ROLE_POLICIES("iam.role.policies", "Role has the required policies", Scope.ACCOUNT),
    USER_POLICIES("iam.user.policies", "Access-key user has the required policies", Scope.ACCOUNT),
    ONBOARDING_USER_POLICIES("iam.onboarding-user.policies", "Onboarding user has the required policies",
        Scope.ACCOUNT),
    SSM_COVERAGE("ssm.coverage", "EC2 instances managed by SSM", Scope.REGION),
    SSM_INSTANCE("ssm.instance", "EC2 instance managed by SSM", Scope.INSTANCE);

    private final String id;
    private final String title;
    private final Scope scope;

    CheckType(String id, String title, Scope scope) {
        this.id = id;
        this.title = title;
        this.scope = scope;
    }

    ReadinessCheck pass(Where where, String evidence) {
        return check(Status.PASS, where, evidence, null);
    }

    ReadinessCheck warn(Where where, String evidence, String remediation) {
        return check(Status.WARN, where, evidence, remediation);
    }

    ReadinessCheck fail(Where where, String evidence, String remediation) {
        return check(Status.FAIL, where, evidence, remediation);
    }

    ReadinessCheck error(Where where, String evidence, String remediation) {
        return check(Status.ERROR, where, evidence, remediation);
    }

    private ReadinessCheck check(Status status, Where where, String evidence, String remediation) {
        return ReadinessCheck.builder()
            .id(id)
            .name(title)
            .status(status)
            .scope(scope)
            .target(where.target())
            .region(Optional.ofNullable(where.region()))
            .evidence(evidence)
            .remediation(Optional.ofNullable(remediation))
            .build();
    }
}
