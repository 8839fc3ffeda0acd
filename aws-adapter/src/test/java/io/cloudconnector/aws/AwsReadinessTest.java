package io.cloudconnector.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.cloudconnector.aws.AwsStubs.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The readiness check end to end: core's rules over the facts the real AWS SDK clients read from WireMock. */
class AwsReadinessTest {

    private final WireMockServer wiremock = new WireMockServer(options().dynamicPort());
    private final AwsStubs stubs = new AwsStubs(wiremock);

    @BeforeEach
    void start() {
        wiremock.start();
        stubHealthyAccount();
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    @Test
    void checkReadiness_regionNotOptedIn_failsItWithoutEverCallingIt() {
        ReadinessReport report = check("us-east-1", "ap-east-1");

        assertThat(stubs.signedRegions()).isNotEmpty().noneMatch(auth -> auth.contains("/ap-east-1/"));
        assertThat(checks(report, "ap-east-1")).singleElement().satisfies(check -> {
            assertThat(check.id()).isEqualTo("region.enabled");
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("not-opted-in");
        });
        assertThat(status(report, "us-east-1", "securityhub.enabled")).isEqualTo(Status.PASS);
    }

    @Test
    void checkReadiness_oneRegionDeniedAndUnsubscribed_reportsItAndCompletesTheOther() {
        stubs.stub(in("eu-west-1", stubs.json("StarlingDoveService.DescribeConfigurationRecorders")), 400,
            "config-AccessDenied.400.json");
        wiremock.stubFor(in("eu-west-1", get(urlPathEqualTo("/accounts")))
            .willReturn(AwsStubs.answer(401, "securityhub-DescribeHub.401.json")));

        ReadinessReport report = check("us-east-1", "eu-west-1");

        ReadinessCheck config = checks(report, "eu-west-1").stream()
            .filter(check -> check.id().equals("config.recorder")).findFirst().orElseThrow();
        assertThat(config.status()).isEqualTo(Status.ERROR);
        assertThat(config.evidence()).contains("missing permission: config:DescribeConfigurationRecorders");
        assertThat(status(report, "eu-west-1", "securityhub.enabled")).isEqualTo(Status.FAIL);
        assertThat(status(report, "us-east-1", "config.recorder")).isEqualTo(Status.PASS);
        assertThat(status(report, "us-east-1", "securityhub.enabled")).isEqualTo(Status.PASS);
        assertThat(status(report, "us-east-1", "securityhub.cis")).isEqualTo(Status.WARN);
        assertThat(report.regions()).satisfiesExactly(
            region -> assertThat(region.errors()).noneMatch(error -> error.startsWith("config:")),
            region -> assertThat(region.errors())
                .anyMatch(error -> error.startsWith("config:DescribeConfigurationRecorders in eu-west-1 failed")));
        assertThat(report.verdict()).isEqualTo(ReadinessReport.Verdict.NOT_READY);
    }

    @Test
    void checkReadiness_accessKeys_checksTheUserBehindTheKeys() {
        ReadinessReport report = check("us-east-1");

        ReadinessCheck user = report.checks().stream().filter(check -> check.id().equals("iam.user.policies"))
            .findFirst().orElseThrow();
        assertThat(user.status()).isEqualTo(Status.FAIL);
        assertThat(user.evidence()).isEqualTo("IAM user connector lacks AmazonSSMManagedInstanceCore (or the older "
            + "AmazonEC2RoleforSSM)");
    }

    private ReadinessReport check(String... regions) {
        try (ConnectorClient client = ConnectorClient.of(AwsAdapter.create(AwsStubs.endpoints(wiremock)),
            new UnusedAzure())) {
            return client.checkReadiness(AwsStubs.spec(regions).build());
        }
    }

    private void stubHealthyAccount() {
        stubs.stub(stubs.query("GetCallerIdentity"), 200, "sts-GetCallerIdentity.200.xml");
        stubs.stub(stubs.query("DescribeRegions"), 200, "ec2-DescribeRegions.200.xml");
        stubs.stub(stubs.query("GetUser"), 200, "iam-GetUser.200.xml");
        stubs.stub(stubs.query("ListAttachedUserPolicies"), 200, "iam-ListAttachedUserPolicies.200.xml");
        stubs.stub(stubs.json("StarlingDoveService.DescribeConfigurationRecorders"), 200,
            "config-DescribeConfigurationRecorders.200.json");
        stubs.stub(stubs.json("StarlingDoveService.DescribeConfigurationRecorderStatus"), 200,
            "config-DescribeConfigurationRecorderStatus.200.json");
        stubs.stub(get(urlPathEqualTo("/accounts")).atPriority(AwsStubs.DEFAULT_PRIORITY), 200,
            "securityhub-DescribeHub.200.json");
        stubs.stub(post(urlEqualTo("/findings")), 200, "securityhub-GetFindings.200.json");
        stubs.stub(post(urlEqualTo("/standards/get")), 200, "securityhub-GetEnabledStandards.page2.json");
        stubs.stub(stubs.query("DescribeInstances"), 200, "ec2-DescribeInstances.empty.xml");
        stubs.stub(stubs.json("AmazonSSM.DescribeInstanceInformation"), 200,
            "ssm-DescribeInstanceInformation.empty.json");
    }

    private static List<ReadinessCheck> checks(ReadinessReport report, String region) {
        return report.checks().stream().filter(check -> check.region().filter(region::equals).isPresent()).toList();
    }

    private static Status status(ReadinessReport report, String region, String id) {
        return checks(report, region).stream().filter(check -> check.id().equals(id)).map(ReadinessCheck::status)
            .findFirst().orElseThrow(() -> new AssertionError("No " + id + " in " + region + ":\n" + report.toText()));
    }

    /** The readiness check never touches Azure. */
    private static final class UnusedAzure implements AzureSide {

        @Override
        public ConnectorPort connectors() {
            throw new UnsupportedOperationException("not used by the readiness check");
        }

        @Override
        public ArcPort arc() {
            throw new UnsupportedOperationException("not used by the readiness check");
        }

        @Override
        public AssessmentPort assessments() {
            throw new UnsupportedOperationException("not used by the readiness check");
        }

        @Override
        public void close() {
        }
    }
}
