package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigException;
import software.amazon.awssdk.services.config.model.DeliveryChannel;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.InvalidAccessException;
import software.amazon.awssdk.services.securityhub.model.StandardsSubscription;

/** What provisioning writes, read back through the real aws-sdk-java-v2 clients: S3, IAM, AWS Config, Security Hub. */
class ProvisioningProtocolTest {

    private static final String US_EAST_1 = "us-east-1";
    private static final String EU_WEST_1 = "eu-west-1";
    private static final String AP_SOUTHEAST_2 = "ap-southeast-2";

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;
    private static SandboxSeed seed;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.builder().withoutQuota().start();
        clients = new AwsTestClients(sandbox);
        seed = sandbox.seed();
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void createBucket_homeRegion_isPrivateAndEncryptedByDefaultWithoutPolicy() {
        S3Client s3 = s3(US_EAST_1, false);

        s3.createBucket(request -> request.bucket("home-bucket"));

        assertThat(s3.headBucket(request -> request.bucket("home-bucket")).bucketRegion()).isEqualTo(US_EAST_1);
        assertThat(s3.getBucketEncryption(request -> request.bucket("home-bucket")).serverSideEncryptionConfiguration()
            .rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getPublicAccessBlock(request -> request.bucket("home-bucket")).publicAccessBlockConfiguration())
            .isEqualTo(allBlocked());
        assertThatThrownBy(() -> s3.getBucketPolicy(request -> request.bucket("home-bucket")))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                .isEqualTo("NoSuchBucketPolicy"));
    }

    @Test
    void createBucket_locationConstraint_bucketLivesThereAndIsFollowedFromTheHomeRegion() {
        s3(EU_WEST_1, false).createBucket(request -> request.bucket("eu-bucket")
            .createBucketConfiguration(configuration -> configuration.locationConstraint(EU_WEST_1)));

        assertThat(s3(US_EAST_1, true).headBucket(request -> request.bucket("eu-bucket")).bucketRegion())
            .isEqualTo(EU_WEST_1);
        assertThat(s3(US_EAST_1, false).getBucketLocation(request -> request.bucket("eu-bucket"))
            .locationConstraintAsString()).isEqualTo(EU_WEST_1);
        assertThatThrownBy(() -> s3(US_EAST_1, false).getBucketPolicy(request -> request.bucket("eu-bucket")))
            .isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(301);
                assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"))
                    .hasValue(EU_WEST_1);
            });
    }

    @Test
    void createBucket_constraintOfAnotherRegionThanTheEndpoint_isIllegal() {
        assertThatThrownBy(() -> s3(US_EAST_1, false).createBucket(request -> request.bucket("misplaced")
            .createBucketConfiguration(configuration -> configuration.locationConstraint(AP_SOUTHEAST_2))))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                .isEqualTo("IllegalLocationConstraintException"));
    }

    @Test
    void createBucket_alreadyOwnedOutsideHomeRegion_isBucketAlreadyOwnedByYou() {
        S3Client s3 = s3(AP_SOUTHEAST_2, false);
        s3.createBucket(request -> request.bucket("twice").createBucketConfiguration(c -> c.locationConstraint(
            AP_SOUTHEAST_2)));

        assertThatThrownBy(() -> s3.createBucket(request -> request.bucket("twice")
            .createBucketConfiguration(c -> c.locationConstraint(AP_SOUTHEAST_2))))
            .isInstanceOf(BucketAlreadyOwnedByYouException.class);
    }

    @Test
    void putBucketPolicy_policyAndEncryptionAndBlock_areReadBack() {
        S3Client s3 = s3(US_EAST_1, false);
        s3.createBucket(request -> request.bucket("configured"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"config.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::configured/*\"}]}";

        s3.putBucketPolicy(request -> request.bucket("configured").policy(policy));
        s3.putBucketEncryption(request -> request.bucket("configured").serverSideEncryptionConfiguration(c -> c
            .rules(rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                .kmsMasterKeyID("alias/config")).bucketKeyEnabled(true))));
        s3.putPublicAccessBlock(request -> request.bucket("configured").publicAccessBlockConfiguration(b -> b
            .blockPublicAcls(true)));

        assertThat(s3.getBucketPolicy(request -> request.bucket("configured")).policy()).isEqualTo(policy);
        assertThat(s3.getBucketEncryption(request -> request.bucket("configured")).serverSideEncryptionConfiguration()
            .rules().get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("alias/config");
        assertThat(s3.getPublicAccessBlock(request -> request.bucket("configured")).publicAccessBlockConfiguration())
            .isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(false)
                .blockPublicPolicy(false).restrictPublicBuckets(false).build());
    }

    @Test
    void putBucketPolicy_publicWhileBlocked_isDenied() {
        S3Client s3 = s3(US_EAST_1, false);
        s3.createBucket(request -> request.bucket("kept-private"));

        assertThatThrownBy(() -> s3.putBucketPolicy(request -> request.bucket("kept-private").policy("{\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void headBucket_otherExpectedOwner_isForbidden() {
        assertThatThrownBy(() -> s3(US_EAST_1, false).headBucket(request -> request.bucket(configBucket())
            .expectedBucketOwner("999999999999")))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void headBucket_unknown_isNotFound() {
        assertThatThrownBy(() -> s3(US_EAST_1, false).headBucket(request -> request.bucket("nowhere-bucket")))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void seededConfigBucket_hasAwsConfigsPolicyButNoPublicAccessBlock() {
        S3Client s3 = s3(US_EAST_1, false);

        assertThat(s3.getBucketPolicy(request -> request.bucket(configBucket())).policy())
            .contains("config.amazonaws.com").contains("AWSLogs/" + seed.accountId() + "/Config/*");
        assertThatThrownBy(() -> s3.getPublicAccessBlock(request -> request.bucket(configBucket())))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                .isEqualTo("NoSuchPublicAccessBlockConfiguration"));
    }

    @Test
    void createServiceLinkedRole_configRoleOfTheSeed_isTaken() {
        IamClient iam = iam();

        Role role = iam.getRole(request -> request.roleName("AWSServiceRoleForConfig")).role();

        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + seed.accountId()
            + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
        assertThatThrownBy(() -> iam.createServiceLinkedRole(request -> request.awsServiceName(
            "config.amazonaws.com"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("has been taken");
    }

    @Test
    void createServiceLinkedRole_newService_createsTheRoleWithItsPolicy() {
        IamClient iam = iam();

        Role created = iam.createServiceLinkedRole(request -> request.awsServiceName("securityhub.amazonaws.com"))
            .role();

        assertThat(created.path()).isEqualTo("/aws-service-role/securityhub.amazonaws.com/");
        assertThat(URLDecoder.decode(iam.getRole(request -> request.roleName(created.roleName())).role()
            .assumeRolePolicyDocument(), StandardCharsets.UTF_8)).contains("securityhub.amazonaws.com");
        assertThat(iam.listAttachedRolePolicies(request -> request.roleName(created.roleName())).attachedPolicies())
            .extracting(policy -> policy.policyName()).containsExactly("AWSSecurityHubServiceRolePolicy");
    }

    @Test
    void createAccessKey_listedAndLimitedToTwoPerUser() {
        IamClient iam = iam();
        iam.createUser(request -> request.userName("key-holder"));

        String first = iam.createAccessKey(request -> request.userName("key-holder")).accessKey().accessKeyId();
        String second = iam.createAccessKey(request -> request.userName("key-holder")).accessKey().accessKeyId();

        assertThat(iam.listAccessKeys(request -> request.userName("key-holder")).accessKeyMetadata())
            .extracting(AccessKeyMetadata::accessKeyId).containsExactlyInAnyOrder(first, second);
        assertThatThrownBy(() -> iam.createAccessKey(request -> request.userName("key-holder")))
            .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                .isEqualTo("LimitExceeded"));
    }

    @Test
    void describeDeliveryChannels_seededRegion_namesTheSeededBucket() {
        assertThat(config(US_EAST_1).describeDeliveryChannels(request -> { }).deliveryChannels())
            .extracting(DeliveryChannel::name, DeliveryChannel::s3BucketName)
            .containsExactly(tuple("default", configBucket()));
    }

    @Test
    void putDeliveryChannel_withoutRecorder_isRefused() {
        assertThatThrownBy(() -> config("us-west-2").putDeliveryChannel(request -> request.deliveryChannel(c -> c
            .name("default").s3BucketName(configBucket()))))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                .isEqualTo("NoAvailableConfigurationRecorderException"));
    }

    @Test
    void putDeliveryChannel_bucketMissingOrWithoutPolicy_isRefusedThenAcceptedOnceThePolicyAllowsConfig() {
        ConfigClient config = config("us-east-2");
        config.putConfigurationRecorder(request -> request.configurationRecorder(r -> r.name("default")
            .roleARN("arn:aws:iam::" + seed.accountId() + ":role/aws-service-role/config.amazonaws.com/"
                + "AWSServiceRoleForConfig").recordingGroup(g -> g.allSupported(true))));
        assertThat(channelError(config, "absent-bucket")).isEqualTo("NoSuchBucketException");
        S3Client s3 = s3(US_EAST_1, false);
        s3.createBucket(request -> request.bucket("no-policy-yet"));
        assertThat(channelError(config, "no-policy-yet")).isEqualTo("InsufficientDeliveryPolicyException");

        s3.putBucketPolicy(request -> request.bucket("no-policy-yet").policy(s3.getBucketPolicy(r -> r
            .bucket(configBucket())).policy()));
        config.putDeliveryChannel(request -> request.deliveryChannel(c -> c.name("default")
            .s3BucketName("no-policy-yet")));

        assertThat(config.describeDeliveryChannels(request -> { }).deliveryChannels())
            .extracting(DeliveryChannel::s3BucketName).containsExactly("no-policy-yet");
        config.startConfigurationRecorder(request -> request.configurationRecorderName("default"));
        assertThat(config.describeConfigurationRecorderStatus(request -> { }).configurationRecordersStatus().get(0)
            .recording()).isTrue();
    }

    @Test
    void enableSecurityHub_thenCis120Ruleset_hubAndGlobalStandardAreReadBack() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "eu-central-1");
        assertThatThrownBy(() -> hub.describeHub(request -> { })).isInstanceOf(InvalidAccessException.class);

        hub.enableSecurityHub(request -> request.enableDefaultStandards(false));
        hub.batchEnableStandards(request -> request.standardsSubscriptionRequests(s -> s.standardsArn(
            "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0")));

        assertThat(hub.describeHub(request -> { }).hubArn()).contains(":eu-central-1:");
        assertThat(hub.getEnabledStandards(request -> { }).standardsSubscriptions())
            .extracting(StandardsSubscription::standardsArn)
            .containsExactly("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0");
    }

    private static String channelError(ConfigClient config, String bucket) {
        try {
            config.putDeliveryChannel(request -> request.deliveryChannel(c -> c.name("default").s3BucketName(bucket)));
        } catch (ConfigException e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("PutDeliveryChannel to " + bucket + " was accepted");
    }

    private static String configBucket() {
        return "config-bucket-" + seed.accountId();
    }

    private static PublicAccessBlockConfiguration allBlocked() {
        return PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(true)
            .blockPublicPolicy(true).restrictPublicBuckets(true).build();
    }

    private static S3Client s3(String region, boolean followRegions) {
        return clients.build(S3Client.builder().forcePathStyle(true).crossRegionAccessEnabled(followRegions), region);
    }

    private static IamClient iam() {
        return clients.build(IamClient.builder(), US_EAST_1);
    }

    private static ConfigClient config(String region) {
        return clients.build(ConfigClient.builder(), region);
    }
}
