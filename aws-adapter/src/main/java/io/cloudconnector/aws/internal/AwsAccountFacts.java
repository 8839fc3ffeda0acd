package io.cloudconnector.aws.internal;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.GetEnabledStandardsResponse;
import software.amazon.awssdk.services.securityhub.model.InvalidAccessException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The facts of an AWS account for the readiness check, gathered with aws-sdk-java-v2: STS, EC2 regions, AWS Config,
 * Security Hub and IAM. Every call goes through {@link AwsCalls}; every list is read to its last page. Judges
 * nothing: "Security Hub not subscribed" and "role does not exist" are facts, every other AWS error a
 * {@link io.cloudconnector.ConnectorException}.
 */
public final class AwsAccountFacts implements AccountPort {

    /** A region every account has, where the global and account-wide calls are made. */
    private static final String HOME_REGION = AwsClients.globalRegion();
    private static final String OPT_IN_NOT_REQUIRED = "opt-in-not-required";

    private final AwsClients clients;

    /** Facts read through {@code clients}, which stay owned (and closed) by the caller. */
    public AwsAccountFacts(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * {@inheritDoc} Made in us-east-1, which every account has: before the regions are known, no other region is
     * safe to call.
     */
    @Override
    public CallerIdentity callerIdentity(ConnectorSpec spec) {
        if (spec.authentication() instanceof AwsAuthentication.AssumeRole) {
            calls(spec, "sts:AssumeRole", HOME_REGION, () -> clients.credentials(spec).resolveCredentials());
        }
        GetCallerIdentityResponse identity = calls(spec, "sts:GetCallerIdentity", HOME_REGION,
            () -> clients.sts(spec, HOME_REGION).getCallerIdentity());
        return CallerIdentity.builder().account(identity.account()).arn(identity.arn()).userId(identity.userId())
            .build();
    }

    @Override
    public List<RegionInfo> regions(ConnectorSpec spec) {
        return calls(spec, "ec2:DescribeRegions", HOME_REGION,
            () -> clients.ec2(spec, HOME_REGION).describeRegions(request -> request.allRegions(true)).regions())
            .stream()
            .map(region -> RegionInfo.of(region.regionName(),
                Optional.ofNullable(region.optInStatus()).orElse(OPT_IN_NOT_REQUIRED)))
            .toList();
    }

    @Override
    public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
        ConfigClient config = clients.config(spec, region);
        List<ConfigurationRecorder> recorders = calls(spec, "config:DescribeConfigurationRecorders", region,
            () -> config.describeConfigurationRecorders(request -> { }).configurationRecorders());
        if (recorders.isEmpty()) {
            return ConfigRecorderFacts.builder().build();
        }
        Map<String, ConfigurationRecorderStatus> statuses = calls(spec,
                "config:DescribeConfigurationRecorderStatus", region,
                () -> config.describeConfigurationRecorderStatus(request -> { }).configurationRecordersStatus())
            .stream().collect(Collectors.toMap(ConfigurationRecorderStatus::name, Function.identity(), (a, b) -> a));
        return ConfigRecorderFacts.builder()
            .recorders(recorders.stream().map(recorder -> recorder(recorder, statuses.get(recorder.name()))).toList())
            .build();
    }

    private static ConfigRecorderFacts.Recorder recorder(ConfigurationRecorder recorder,
        ConfigurationRecorderStatus status) {
        boolean allSupported = recorder.recordingGroup() != null
            && Boolean.TRUE.equals(recorder.recordingGroup().allSupported());
        boolean global = recorder.recordingGroup() != null
            && Boolean.TRUE.equals(recorder.recordingGroup().includeGlobalResourceTypes());
        return ConfigRecorderFacts.Recorder.builder()
            .name(recorder.name())
            .recording(status != null && Boolean.TRUE.equals(status.recording()))
            .lastStatus(Optional.ofNullable(status).map(ConfigurationRecorderStatus::lastStatusAsString))
            .lastErrorCode(Optional.ofNullable(status).map(ConfigurationRecorderStatus::lastErrorCode))
            .allSupported(allSupported)
            .includeGlobalResourceTypes(global)
            .roleArn(Optional.ofNullable(recorder.roleARN()))
            .build();
    }

    /**
     * {@inheritDoc} {@code DescribeHub}, then, when the hub is enabled, {@code GetFindings} for one finding (a finding
     * left out of the page as malformed still counts) and {@code GetEnabledStandards} (every page).
     * {@code InvalidAccessException} from {@code DescribeHub} ("not subscribed") means not enabled.
     */
    @Override
    public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
        SecurityHubClient hub = clients.securityHub(spec, region);
        Optional<String> hubArn = calls(spec, "securityhub:DescribeHub", region, () -> describeHub(hub));
        if (hubArn.isEmpty()) {
            return SecurityHubFacts.builder().enabled(false).hasFindings(false).build();
        }
        FindingsBodyFilter.Capture capture = new FindingsBodyFilter.Capture();
        boolean hasFindings = !capture.answer(calls(spec, "securityhub:GetFindings", region,
            () -> hub.getFindings(request -> request.maxResults(1)
                .overrideConfiguration(config -> config.putExecutionAttribute(FindingsBodyFilter.PAGE, capture)))))
            .read(region).isEmpty();
        List<StandardSubscription> standards = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), "securityhub:GetEnabledStandards", region,
            token -> hub.getEnabledStandards(request -> request.nextToken(token)),
            GetEnabledStandardsResponse::nextToken,
            page -> page.standardsSubscriptions().forEach(subscription -> standards.add(StandardSubscription.builder()
                .subscriptionArn(subscription.standardsSubscriptionArn())
                .standardsArn(subscription.standardsArn())
                .status(subscription.standardsStatusAsString())
                .build())));
        return SecurityHubFacts.builder().enabled(true).hubArn(hubArn).hasFindings(hasFindings).standards(standards)
            .build();
    }

    private static Optional<String> describeHub(SecurityHubClient hub) {
        try {
            return Optional.of(hub.describeHub(request -> { }).hubArn());
        } catch (InvalidAccessException notSubscribed) {
            return Optional.empty();
        }
    }

    /** {@inheritDoc} {@code GetRole} (its trust policy URL-decoded) and {@code ListAttachedRolePolicies}. */
    @Override
    public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
        IamClient iam = clients.iam(spec);
        Optional<Role> role = calls(spec, "iam:GetRole", null, () -> {
            try {
                return Optional.of(iam.getRole(request -> request.roleName(roleName)).role());
            } catch (NoSuchEntityException absent) {
                return Optional.empty();
            }
        });
        return role.map(found -> IamPrincipalFacts.builder()
            .name(found.roleName())
            .arn(found.arn())
            .trustPolicy(Optional.ofNullable(found.assumeRolePolicyDocument())
                .map(document -> URLDecoder.decode(document, StandardCharsets.UTF_8)))
            .attachedPolicyArns(attachedPolicies(spec, "iam:ListAttachedRolePolicies",
                marker -> iam.listAttachedRolePolicies(request -> request.roleName(roleName).marker(marker)),
                ListAttachedRolePoliciesResponse::isTruncated, ListAttachedRolePoliciesResponse::marker,
                ListAttachedRolePoliciesResponse::attachedPolicies))
            .build());
    }

    /** {@inheritDoc} {@code GetUser} and {@code ListAttachedUserPolicies}. */
    @Override
    public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
        IamClient iam = clients.iam(spec);
        Optional<User> user = calls(spec, "iam:GetUser", null, () -> {
            try {
                return Optional.of(iam.getUser(request -> request.userName(userName)).user());
            } catch (NoSuchEntityException absent) {
                return Optional.empty();
            }
        });
        return user.map(found -> IamPrincipalFacts.builder()
            .name(found.userName())
            .arn(found.arn())
            .attachedPolicyArns(attachedPolicies(spec, "iam:ListAttachedUserPolicies",
                marker -> iam.listAttachedUserPolicies(request -> request.userName(userName).marker(marker)),
                ListAttachedUserPoliciesResponse::isTruncated, ListAttachedUserPoliciesResponse::marker,
                ListAttachedUserPoliciesResponse::attachedPolicies))
            .build());
    }

    /**
     * Every page of an IAM listing of attached policies: IAM pages with {@code Marker} while {@code IsTruncated}.
     *
     * @throws io.cloudconnector.CloudServiceException when a truncated page carries no {@code Marker}
     */
    private <P> List<String> attachedPolicies(ConnectorSpec spec, String operation, Function<String, P> fetch,
        Function<P, Boolean> truncated, Function<P, String> marker, Function<P, List<AttachedPolicy>> policies) {
        List<String> arns = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), operation, null, fetch, page -> {
            if (!Boolean.TRUE.equals(truncated.apply(page))) {
                return null;
            }
            String next = marker.apply(page);
            if (next == null || next.isEmpty()) {
                throw new CloudServiceException(operation + " said more pages follow (IsTruncated) but gave no "
                    + "Marker; stopping the listing", "aws", operation, null, 0, null, null, false, null);
            }
            return next;
        }, page -> policies.apply(page).forEach(policy -> arns.add(policy.policyArn())));
        return arns;
    }

    private <T> T calls(ConnectorSpec spec, String operation, String region, Supplier<T> call) {
        return clients.calls().call(spec.awsAccountId(), operation, region, call);
    }
}
