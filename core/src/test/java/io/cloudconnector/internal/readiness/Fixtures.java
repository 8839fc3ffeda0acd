package io.cloudconnector.internal.readiness;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.List;

/** Specs, facts and errors shared by the readiness tests. */
final class Fixtures {

    static final String ACCOUNT = "123456789012";
    static final String SUBSCRIPTION = "4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/AscConnector";
    static final String MICROSOFT_ROOT = "arn:aws:iam::158177204117:root";

    private Fixtures() {
    }

    static ConnectorSpec assumeRoleSpec(String... regions) {
        return base(regions).authentication(AwsAuthentication.assumeRole(ROLE_ARN)).build();
    }

    static ConnectorSpec accessKeySpec(String... regions) {
        return base(regions)
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build();
    }

    static ConnectorSpec.Builder base(String... regions) {
        ConnectorSpec.Builder builder = new ConnectorSpec.Builder();
        builder.displayName("prod-account")
            .subscriptionId(SUBSCRIPTION)
            .tenantId("9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b")
            .awsAccountId(ACCOUNT)
            .addRegions(regions);
        return builder;
    }

    /** A policy document around the given {@code Statement} value. */
    static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
    }

    /** The statement the connector's documentation asks for, with the given External ID. */
    static String documentedStatement(String externalId) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + externalId + "\"}}}";
    }

    static IamPrincipalFacts role(String trustPolicy, String... policyArns) {
        return IamPrincipalFacts.builder().name("AscConnector").arn(ROLE_ARN).trustPolicy(trustPolicy)
            .addAttachedPolicyArns(policyArns).build();
    }

    static IamPrincipalFacts user(String name, String... policyArns) {
        return IamPrincipalFacts.builder().name(name).arn("arn:aws:iam::123456789012:user/" + name)
            .addAttachedPolicyArns(policyArns).build();
    }

    static List<String> rolePolicies() {
        return ManagedPolicies.ROLE_POLICIES;
    }

    static AccessDeniedException accessDenied(String operation, String region) {
        return new AccessDeniedException(operation + " in " + region + " failed: AccessDeniedException (HTTP 403): "
            + "User is not authorized (missing permission: " + operation + ")", "aws", operation, region, 403,
            "AccessDeniedException", "req-1", operation, null);
    }

    static ReadinessCheck only(List<ReadinessCheck> checks, String id) {
        List<ReadinessCheck> matching = checks.stream().filter(check -> check.id().equals(id)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one check " + id + " but found " + matching.size() + " in " + checks);
        }
        return matching.get(0);
    }
}
