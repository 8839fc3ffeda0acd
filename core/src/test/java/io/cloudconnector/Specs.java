package io.cloudconnector;

import java.net.URI;
import java.util.function.UnaryOperator;

/** Valid spec parts for tests; the values are fake and shaped like the real ones. */
final class Specs {

    static final String SUBSCRIPTION_ID = "11111111-2222-3333-4444-555555555555";
    static final String TENANT_ID = "66666666-7777-8888-9999-aaaaaaaaaaaa";
    static final String ACCOUNT_ID = "012345678901";
    static final String ROLE_ARN = "arn:aws:iam::012345678901:role/AscConnector";
    static final String SERVICE_PRINCIPAL_ID = "bbbbbbbb-cccc-dddd-eeee-ffffffffffff";
    /** The AWS documentation's example key pair. */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SERVICE_PRINCIPAL_SECRET = "sp~Secret.Value-0123456789";

    private Specs() {
    }

    /** A builder for a valid assume-role spec with Arc settings. */
    static ConnectorSpec.Builder builder() {
        return ConnectorSpec.builder()
            .displayName("aws-production")
            .subscriptionId(SUBSCRIPTION_ID)
            .tenantId(TENANT_ID)
            .awsAccountId(ACCOUNT_ID)
            .authentication(AwsAuthentication.assumeRole(ROLE_ARN))
            .addRegions("us-east-1", "eu-west-1")
            .arc(arcBuilder().build());
    }

    /** A builder for valid Arc settings. */
    static ArcSettings.Builder arcBuilder() {
        return ArcSettings.builder()
            .resourceGroup("rg-arc-machines")
            .azureRegion("westus2")
            .servicePrincipalId(SERVICE_PRINCIPAL_ID)
            .servicePrincipalSecret(Secret.of(SERVICE_PRINCIPAL_SECRET))
            .proxy(URI.create("http://proxy.example.com:3128"))
            .putTags("owner", "platform-team");
    }

    /** A valid spec with the Arc settings changed by {@code change}. */
    static ConnectorSpec.Builder withArc(UnaryOperator<ArcSettings.Builder> change) {
        return builder().arc(change.apply(arcBuilder()).build());
    }

    /** A valid spec, but authenticating with the given access keys. */
    static ConnectorSpec.Builder withAccessKeys(String accessKeyId, String secretAccessKey) {
        return builder().authentication(AwsAuthentication.accessKeys(accessKeyId, Secret.of(secretAccessKey)));
    }
}
