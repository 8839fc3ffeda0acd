package io.cloudconnector.aws.resilience;

import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentRecord;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.spi.RunCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of the fault matrix: an operation the SDK calls, the region its fault is limited to, and a call through the
 * real adapters that makes it, returning data that a fault must not change.
 *
 * @param operation the operation as the sandbox names it, such as {@code arm:GET connectors}
 * @param named the operation as the SDK's errors name it, such as {@code Microsoft.Security/connectors/read}
 * @param writes whether the operation changes state (its slow answers are awaited before the next cell)
 * @param sentOnce whether the adapter must not send it twice (only a refused request is retried)
 */
record Probe(String operation, String named, Optional<String> region, boolean writes, boolean sentOnce,
    Function<MatrixEnv, Object> run) {

    static final String REGION = "eu-west-1";
    static final String HOME = "us-east-1";
    private static final Set<String> RUNNING = Set.of("Pending", "InProgress", "Delayed");

    /** Whether the call must come back with its data when {@code fault} hits; otherwise it must fail clearly. */
    boolean recovers(Fault fault) {
        if (fault == Fault.THROTTLED_ALWAYS) {
            return false;
        }
        return !sentOnce || fault == Fault.THROTTLED_ONCE || fault == Fault.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return operation;
    }

    /** Every AWS and ARM operation the SDK calls. */
    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>(aws());
        probes.addAll(arm());
        return probes;
    }

    /** The AWS operations. */
    static List<Probe> aws() {
        return List.of(
            read("sts:AssumeRole", HOME, env -> {
                try (AwsAdapter fresh = env.freshAws()) {
                    return fresh.account().callerIdentity(env.spec());
                }
            }),
            read("sts:GetCallerIdentity", HOME, env -> env.aws().account().callerIdentity(env.spec())),
            read("ec2:DescribeRegions", HOME, env -> env.aws().account().regions(env.spec())),
            read("ec2:DescribeInstances", REGION, env -> env.aws().fleet().instances(env.spec(), REGION)),
            read("ssm:DescribeInstanceInformation", REGION,
                env -> env.aws().fleet().managedInstances(env.spec(), REGION)),
            new Probe("ssm:SendCommand", "ssm:SendCommand", Optional.of(REGION), true, true,
                env -> env.aws().fleet().sendCommand(env.spec(), REGION, echo(env)).length() == 36
                    ? "a command ID" : "no command ID"),
            read("ssm:GetCommandInvocation", REGION, Probe::invocationOutcome),
            read("config:DescribeConfigurationRecorders", REGION,
                env -> env.aws().account().configRecorder(env.spec(), REGION)),
            read("config:DescribeConfigurationRecorderStatus", REGION,
                env -> env.aws().account().configRecorder(env.spec(), REGION)),
            read("securityhub:DescribeHub", REGION, env -> env.aws().account().securityHub(env.spec(), REGION)),
            read("securityhub:GetFindings", REGION, Probe::findingIds),
            read("securityhub:GetEnabledStandards", REGION,
                env -> env.aws().findings().enabledStandards(env.spec(), REGION)),
            read("securityhub:DescribeStandardsControls", REGION, env -> env.aws().findings()
                .standardsControls(env.spec(), REGION, env.standardsSubscriptionArn())),
            read("securityhub:ListFindingAggregators", HOME,
                env -> env.aws().findings().findingAggregator(env.spec(), HOME)),
            read("securityhub:GetFindingAggregator", HOME,
                env -> env.aws().findings().findingAggregator(env.spec(), HOME)),
            global("iam:GetRole", env -> env.aws().account().role(env.spec(), env.roleName())),
            global("iam:ListAttachedRolePolicies", env -> env.aws().account().role(env.spec(), env.roleName())),
            global("iam:GetUser", env -> env.aws().account().user(env.spec(), env.userName())),
            global("iam:ListAttachedUserPolicies", env -> env.aws().account().user(env.spec(), env.userName())));
    }

    /** The ARM operations. */
    static List<Probe> arm() {
        String security = "Microsoft.Security/";
        return List.of(
            arm("arm:GET connectors", security + "connectors/read", false,
                env -> env.azure().connectors().get(classic(env, "matrix-read")).map(Probe::describe)),
            arm("arm:PUT connectors", security + "connectors/write", true,
                env -> describe(env.azure().connectors().put(connector(classic(env, "matrix-write"), env)))),
            arm("arm:DELETE connectors", security + "connectors/delete", true,
                env -> deleted(env, classic(env, "matrix-gone"))),
            arm("arm:LIST connectors", security + "connectors/read", false,
                env -> names(env.azure().connectors().list(ConnectorGeneration.CLASSIC, env.subscription()))),
            arm("arm:GET securityConnectors", security + "securityConnectors/read", false,
                env -> env.azure().connectors().get(current(env, "matrix-read")).map(Probe::describe)),
            arm("arm:PUT securityConnectors", security + "securityConnectors/write", true,
                env -> describe(env.azure().connectors().put(connector(current(env, "matrix-write"), env)))),
            arm("arm:DELETE securityConnectors", security + "securityConnectors/delete", true,
                env -> deleted(env, current(env, "matrix-gone"))),
            arm("arm:LIST securityConnectors", security + "securityConnectors/read", false,
                env -> names(env.azure().connectors().list(ConnectorGeneration.CURRENT, env.subscription()))),
            arm("arm:GET providers", "Microsoft.Resources/subscriptions/providers/read", false,
                env -> env.azure().connectors().provider(env.subscription(), "Microsoft.Security")),
            arm("arm:POST register", "Microsoft.HybridCompute/register/action", true,
                env -> env.azure().connectors().register(env.subscription(), "Microsoft.HybridCompute")),
            arm("arm:LIST machines", "Microsoft.HybridCompute/machines/read", false,
                env -> env.azure().arc().machines(env.spec())),
            arm("arm:PUT assessmentMetadata", security + "assessmentMetadata/write", true, env -> {
                env.azure().assessments().putMetadata(env.subscription(), metadata());
                return "written";
            }),
            arm("arm:PUT assessments", security + "assessments/write", true, env -> {
                env.azure().assessments().putAssessment(assessment(env, "Unhealthy"));
                return "written";
            }),
            arm("arm:LIST assessments", security + "assessments/read", false,
                env -> env.azure().assessments().listAssessments(scope(env), metadata().name())));
    }

    private static Probe read(String operation, String region, Function<MatrixEnv, Object> run) {
        return new Probe(operation, operation, Optional.of(region), false, false, run);
    }

    private static Probe global(String operation, Function<MatrixEnv, Object> run) {
        return new Probe(operation, operation, Optional.empty(), false, false, run);
    }

    private static Probe arm(String operation, String named, boolean writes, Function<MatrixEnv, Object> run) {
        return new Probe(operation, named, Optional.empty(), writes, false, run);
    }

    /** Every finding ID of the region, page by page through the findings port, as the stream reads them. */
    private static Object findingIds(MatrixEnv env) {
        List<String> ids = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            FindingsPage page = env.aws().findings().findings(env.spec(), FindingsPageRequest.builder()
                .region(REGION).query(FindingQuery.activeFindings()).addRegionFilter(REGION).nextToken(token)
                .build());
            page.findings().forEach(finding -> ids.add(finding.id().orElse("")));
            page.rejected().forEach(rejected -> ids.add("rejected " + rejected.id()));
            token = page.nextToken();
        } while (token.isPresent());
        return ids;
    }

    /** A harmless command, polled as the onboarding does until it ends: its final status and output. */
    private static Object invocationOutcome(MatrixEnv env) {
        RunCommand command = echo(env);
        String commandId = env.patientAws().fleet().sendCommand(env.spec(), REGION, command);
        String instance = command.instanceIds().get(0);
        for (int poll = 0; poll < 8; poll++) {
            Optional<CommandInvocation> invocation = env.aws().fleet().invocation(env.spec(), REGION, commandId,
                instance);
            if (invocation.isPresent() && !RUNNING.contains(invocation.get().status())) {
                return invocation.get().status() + ": " + invocation.get().standardOutput();
            }
        }
        return "still running";
    }

    static RunCommand echo(MatrixEnv env) {
        String instance = env.managedLinuxInstance().map(ManagedInstance::instanceId).orElseThrow();
        return RunCommand.builder().documentName("AWS-RunShellScript").addInstanceIds(instance)
            .addCommands("echo fault-matrix").maxConcurrency("1").maxErrors("0")
            .executionTimeout(Duration.ofMinutes(5)).comment("fault matrix").build();
    }

    private static Object deleted(MatrixEnv env, ConnectorKey key) {
        env.patientAzure().connectors().put(connector(key, env));
        return env.azure().connectors().delete(key);
    }

    private static ConnectorKey classic(MatrixEnv env, String name) {
        return ConnectorKey.classic(env.subscription(), name);
    }

    private static ConnectorKey current(MatrixEnv env, String name) {
        return ConnectorKey.current(env.subscription(), env.spec().arc().orElseThrow().resourceGroup(), name);
    }

    static ConnectorResource connector(ConnectorKey key, MatrixEnv env) {
        boolean current = key.generation() == ConnectorGeneration.CURRENT;
        return ConnectorResource.builder().key(key)
            .awsAccountId(env.spec().awsAccountId())
            .authenticationType(ConnectorResource.AuthenticationType.ASSUME_ROLE)
            .roleArn(env.roleArn()).externalId(env.subscription())
            .arcRegion(current ? Optional.of(env.spec().arc().orElseThrow().azureRegion()) : Optional.empty())
            .scanInterval(current ? Optional.of(Duration.ofHours(6)) : Optional.empty())
            .build();
    }

    private static String describe(ConnectorResource resource) {
        return resource.key() + " " + resource.roleArn() + " " + resource.awsAccountId() + " "
            + resource.authenticationState() + " " + resource.grantedPermissions();
    }

    private static List<String> names(List<ConnectorResource> resources) {
        return resources.stream().map(resource -> resource.key().name()).sorted().toList();
    }

    static AssessmentMetadata metadata() {
        return AssessmentMetadata.builder().name("4f3d1c2a-7e6b-4a59-8c1d-2b3a4c5d6e7f")
            .displayName("Fault matrix control").severity("Medium").description("A control of the fault matrix.")
            .remediationDescription("Nothing to do.").build();
    }

    static AssessmentRecord assessment(MatrixEnv env, String status) {
        return AssessmentRecord.builder().resourceId(scope(env)).metadataName(metadata().name()).statusCode(status)
            .cause("").description("fault matrix").build();
    }

    private static String scope(MatrixEnv env) {
        return "/subscriptions/" + env.subscription();
    }
}
