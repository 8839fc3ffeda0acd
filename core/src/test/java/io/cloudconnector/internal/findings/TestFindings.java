package io.cloudconnector.internal.findings;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.AsffFinding.AsffResource;
import java.time.Instant;
import java.util.List;

/** Valid ASFF findings and a spec to start tests from. */
final class TestFindings {

    static final String ACCOUNT = "123456789012";
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final String PRODUCT = "arn:aws:securityhub:us-east-1::product/aws/securityhub";

    private TestFindings() {
    }

    static ConnectorSpec spec(String... regions) {
        return ConnectorSpec.builder()
            .displayName("test-connector")
            .subscriptionId(SUBSCRIPTION)
            .tenantId("00000000-0000-0000-0000-000000000002")
            .awsAccountId(ACCOUNT)
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .addRegions(regions)
            .build();
    }

    /** A valid finding without a control result, updated {@code minutes} after T0 in {@code region}. */
    static AsffFinding plain(String id, String region, int minutes) {
        String time = T0.plusSeconds(60L * minutes).toString();
        return AsffFinding.builder()
            .id(id)
            .productArn(PRODUCT)
            .productName("Security Hub")
            .generatorId("generator-" + id)
            .awsAccountId(ACCOUNT)
            .region(region)
            .title("Title of " + id)
            .description("Description of " + id)
            .severityLabel("MEDIUM")
            .severityNormalized(40)
            .createdAt(time)
            .updatedAt(time)
            .recordState("ACTIVE")
            .workflowStatus("NEW")
            .addResources(resource("AwsS3Bucket", "arn:aws:s3:::bucket-" + id))
            .build();
    }

    /** A valid control finding of {@code controlId} on one resource. */
    static AsffFinding control(String id, String region, int minutes, String controlId, String status,
        String resourceId) {
        return AsffFinding.builder().from(plain(id, region, minutes))
            .resources(List.of(resource(resourceType(resourceId), resourceId)))
            .generatorId("security-control/" + controlId)
            .compliance(AsffCompliance.builder().status(status).securityControlId(controlId).build())
            .build();
    }

    static AsffResource resource(String type, String id) {
        return AsffResource.builder().type(type).id(id).partition("aws").build();
    }

    private static String resourceType(String resourceId) {
        return resourceId.contains(":instance/") ? "AwsEc2Instance" : "AwsS3Bucket";
    }
}
