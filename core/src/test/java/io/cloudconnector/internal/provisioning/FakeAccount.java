package io.cloudconnector.internal.provisioning;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.BucketFacts;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.DeliveryChannelFacts;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.ProvisioningPort;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS account in memory, bare unless set up otherwise: the provisioning port's writes change it, so that a second
 * plan sees the first apply. Records every write as {@code operation target}; a write whose record is in
 * {@link #failingWrites} throws instead, and a read whose name (such as {@code securityHub eu-west-1}) is in
 * {@link #failingReads} too.
 */
class FakeAccount implements AwsSide, ProvisioningPort, AccountPort {

    static final String ACCOUNT = "123456789012";
    static final String SUBSCRIPTION = "4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b";
    static final String MICROSOFT_ROOT = "arn:aws:iam::158177204117:root";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    String callerAccount = ACCOUNT;
    List<RegionInfo> regions = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
        RegionInfo.of("eu-west-1", "opt-in-not-required"), RegionInfo.of("ap-east-1", "not-opted-in"));
    final Map<String, List<String>> hubs = new HashMap<>();
    final Map<String, ConfigRecorderFacts.Recorder> recorders = new HashMap<>();
    final Map<String, DeliveryChannelFacts> channels = new HashMap<>();
    final Map<String, IamPrincipalFacts> roles = new HashMap<>();
    final Map<String, IamPrincipalFacts> users = new HashMap<>();
    final Map<String, List<String>> accessKeys = new HashMap<>();
    final Map<String, BucketFacts> buckets = new HashMap<>();
    final Map<String, RuntimeException> failingWrites = new HashMap<>();
    final Map<String, RuntimeException> failingReads = new HashMap<>();
    final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    /** An account with everything a default plan asks for, in both regions of the spec. */
    static FakeAccount prepared() {
        FakeAccount account = new FakeAccount();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            account.hubs.put(region, new ArrayList<>(List.of(
                "arn:aws:securityhub:" + region + "::standards/cis-aws-foundations-benchmark/v/1.4.0")));
            account.recorders.put(region, recorder("default", true, true, region.equals("us-east-1")));
            account.channels.put(region, DeliveryChannelFacts.builder().name("default")
                .s3BucketName("config-bucket-" + ACCOUNT).build());
        }
        account.roles.put("AscConnector", role("AscConnector", trust(documented(SUBSCRIPTION)),
            "arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole",
            "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess"));
        return account;
    }

    static ConfigRecorderFacts.Recorder recorder(String name, boolean recording, boolean allSupported,
        boolean global) {
        return ConfigRecorderFacts.Recorder.builder().name(name).recording(recording).allSupported(allSupported)
            .includeGlobalResourceTypes(global).lastStatus("Success")
            .roleArn("arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
            .build();
    }

    static IamPrincipalFacts role(String name, String trustPolicy, String... policies) {
        return IamPrincipalFacts.builder().name(name).arn("arn:aws:iam::" + ACCOUNT + ":role/" + name)
            .trustPolicy(trustPolicy).addAttachedPolicyArns(policies).build();
    }

    static String trust(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    static String documented(String externalId) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + externalId + "\"}}}";
    }

    static CloudServiceException error(String operation, String message) {
        return new CloudServiceException(operation + " failed: " + message, "aws", operation, null, 400,
            "InvalidInput", "req-1", false, null);
    }

    // AwsSide

    @Override
    public AccountPort account() {
        return this;
    }

    @Override
    public FleetPort fleet() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public FindingsPort findings() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public ProvisioningPort provisioning() {
        return this;
    }

    @Override
    public void close() {
    }

    // AccountPort

    @Override
    public CallerIdentity callerIdentity(ConnectorSpec spec) {
        return CallerIdentity.builder().account(callerAccount).arn("arn:aws:iam::" + callerAccount + ":user/admin")
            .userId("AIDAEXAMPLE").build();
    }

    @Override
    public List<RegionInfo> regions(ConnectorSpec spec) {
        return regions;
    }

    @Override
    public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
        read("configRecorder " + region);
        return ConfigRecorderFacts.builder().addAllRecorders(Optional.ofNullable(recorders.get(region)).stream()
            .toList()).build();
    }

    @Override
    public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
        read("securityHub " + region);
        List<String> standards = hubs.get(region);
        if (standards == null) {
            return SecurityHubFacts.builder().enabled(false).hasFindings(false).build();
        }
        return SecurityHubFacts.builder().enabled(true).hubArn("arn:aws:securityhub:" + region + ":" + ACCOUNT
                + ":hub/default").hasFindings(true)
            .standards(standards.stream().map(arn -> StandardSubscription.builder().standardsArn(arn)
                .subscriptionArn(arn + "/subscription").status("READY").build()).toList())
            .build();
    }

    @Override
    public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
        read("role " + roleName);
        return Optional.ofNullable(roles.get(roleName));
    }

    @Override
    public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
        read("user " + userName);
        return Optional.ofNullable(users.get(userName));
    }

    // ProvisioningPort reads

    @Override
    public List<DeliveryChannelFacts> deliveryChannels(ConnectorSpec spec, String region) {
        read("deliveryChannels " + region);
        return Optional.ofNullable(channels.get(region)).stream().toList();
    }

    @Override
    public Optional<BucketFacts> bucket(ConnectorSpec spec, String bucketName) {
        read("bucket " + bucketName);
        return Optional.ofNullable(buckets.get(bucketName));
    }

    @Override
    public List<String> accessKeyIds(ConnectorSpec spec, String userName) {
        read("accessKeyIds " + userName);
        return accessKeys.getOrDefault(userName, List.of());
    }

    // ProvisioningPort writes

    @Override
    public void enableSecurityHub(ConnectorSpec spec, String region) {
        write("enableSecurityHub " + region);
        hubs.putIfAbsent(region, new ArrayList<>());
    }

    @Override
    public void enableStandard(ConnectorSpec spec, String region, String standardsArn) {
        write("enableStandard " + region + " " + standardsArn);
        hubs.get(region).add(standardsArn);
    }

    @Override
    public void createServiceLinkedRole(ConnectorSpec spec, String serviceName) {
        write("createServiceLinkedRole " + serviceName);
        roles.put("AWSServiceRoleForConfig", IamPrincipalFacts.builder().name("AWSServiceRoleForConfig")
            .arn("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
            .build());
    }

    @Override
    public void putConfigRecorder(ConnectorSpec spec, String region, String name, String roleArn,
        boolean includeGlobalResourceTypes) {
        write("putConfigRecorder " + region + " " + name + " global=" + includeGlobalResourceTypes);
        boolean recording = recorders.containsKey(region) && recorders.get(region).recording();
        recorders.put(region, ConfigRecorderFacts.Recorder.builder().name(name).recording(recording)
            .allSupported(true).includeGlobalResourceTypes(includeGlobalResourceTypes).roleArn(roleArn).build());
    }

    @Override
    public void putDeliveryChannel(ConnectorSpec spec, String region, String name, String bucketName) {
        write("putDeliveryChannel " + region + " " + bucketName);
        channels.put(region, DeliveryChannelFacts.builder().name(name).s3BucketName(bucketName).build());
    }

    @Override
    public void startConfigRecorder(ConnectorSpec spec, String region, String recorderName) {
        write("startConfigRecorder " + region + " " + recorderName);
        recorders.put(region, ConfigRecorderFacts.Recorder.builder().from(recorders.get(region)).recording(true)
            .build());
    }

    @Override
    public void createBucket(ConnectorSpec spec, String region, String bucketName) {
        write("createBucket " + region + " " + bucketName);
        buckets.put(bucketName, BucketFacts.builder().name(bucketName).accessible(true).region(region)
            .encrypted(false).publicAccessBlocked(false).build());
    }

    @Override
    public void blockPublicAccess(ConnectorSpec spec, String region, String bucketName) {
        write("blockPublicAccess " + bucketName);
        buckets.put(bucketName, BucketFacts.builder().from(buckets.get(bucketName)).publicAccessBlocked(true).build());
    }

    @Override
    public void encryptBucket(ConnectorSpec spec, String region, String bucketName) {
        write("encryptBucket " + bucketName);
        buckets.put(bucketName, BucketFacts.builder().from(buckets.get(bucketName)).encrypted(true).build());
    }

    @Override
    public void putBucketPolicy(ConnectorSpec spec, String region, String bucketName, String policy) {
        write("putBucketPolicy " + bucketName);
        buckets.put(bucketName, BucketFacts.builder().from(buckets.get(bucketName)).policy(policy).build());
    }

    @Override
    public String createRole(ConnectorSpec spec, String roleName, String trustPolicy, String description) {
        write("createRole " + roleName);
        IamPrincipalFacts role = role(roleName, trustPolicy);
        roles.put(roleName, role);
        return role.arn();
    }

    @Override
    public void attachRolePolicy(ConnectorSpec spec, String roleName, String policyArn) {
        write("attachRolePolicy " + roleName + " " + policyArn.substring(policyArn.lastIndexOf('/') + 1));
        roles.put(roleName, IamPrincipalFacts.builder().from(roles.get(roleName)).addAttachedPolicyArns(policyArn)
            .build());
    }

    @Override
    public void createUser(ConnectorSpec spec, String userName) {
        write("createUser " + userName);
        users.put(userName, IamPrincipalFacts.builder().name(userName)
            .arn("arn:aws:iam::" + ACCOUNT + ":user/" + userName).build());
    }

    @Override
    public void attachUserPolicy(ConnectorSpec spec, String userName, String policyArn) {
        write("attachUserPolicy " + userName + " " + policyArn.substring(policyArn.lastIndexOf('/') + 1));
        users.put(userName, IamPrincipalFacts.builder().from(users.get(userName)).addAttachedPolicyArns(policyArn)
            .build());
    }

    @Override
    public AwsAuthentication.AccessKeys createAccessKey(ConnectorSpec spec, String userName) {
        write("createAccessKey " + userName);
        accessKeys.computeIfAbsent(userName, name -> new ArrayList<>()).add("AKIAIOSFODNN7NEWKEY1");
        return AwsAuthentication.accessKeys("AKIAIOSFODNN7NEWKEY1", Secret.of(SECRET));
    }

    private void read(String name) {
        if (failingReads.containsKey(name)) {
            throw failingReads.get(name);
        }
    }

    private void write(String call) {
        if (failingWrites.containsKey(call)) {
            throw failingWrites.get(call);
        }
        writes.add(call);
    }
}
