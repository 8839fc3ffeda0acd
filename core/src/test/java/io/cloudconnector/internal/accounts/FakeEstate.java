package io.cloudconnector.internal.accounts;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.ResourceProvider;
import io.cloudconnector.spi.RunCommand;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.SecurityHubMember;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A whole estate of AWS accounts and their Azure side, in memory, implementing every port. Every account has the
 * same regions, one running Ubuntu 18.04 instance managed by SSM and one stopped instance per region; the
 * administrator's findings are the pages of {@link #findingPages}. Every call counts as in flight while it runs and
 * waits briefly for other calls to join it, so that a missing limit shows as more calls at once than allowed.
 * Thread-safe.
 */
final class FakeEstate implements AwsSide, AzureSide, AccountPort, FleetPort, FindingsPort, ConnectorPort, ArcPort {

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private static final long JOIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    final List<SecurityHubMember> members = new ArrayList<>();
    final Set<String> unassumable = ConcurrentHashMap.newKeySet();
    /** Accounts whose connector cannot be written; the connector is named after the account ({@code aws-ID}). */
    final Set<String> connectFailing = ConcurrentHashMap.newKeySet();
    final List<List<AsffFinding>> findingPages = new ArrayList<>();
    final List<String> findingsCalledFor = Collections.synchronizedList(new ArrayList<>());
    final Map<ConnectorKey, ConnectorResource> connectors = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile int joinAt = 1;

    /** Makes each call wait (20 ms at most) until {@code calls} are in flight, so that concurrency shows. */
    FakeEstate joinAt(int calls) {
        this.joinAt = calls;
        return this;
    }

    /** The most calls that were in flight at once. */
    int peak() {
        return peak.get();
    }

    private <T> T call(Supplier<T> work) {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            long deadline = System.nanoTime() + JOIN_WAIT_NANOS;
            while (inFlight.get() < joinAt && System.nanoTime() < deadline) {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
            return work.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public AccountPort account() {
        return this;
    }

    @Override
    public FleetPort fleet() {
        return this;
    }

    @Override
    public FindingsPort findings() {
        return this;
    }

    @Override
    public ConnectorPort connectors() {
        return this;
    }

    @Override
    public ArcPort arc() {
        return this;
    }

    @Override
    public AssessmentPort assessments() {
        throw new UnsupportedOperationException("no assessments in a fleet run");
    }

    @Override
    public void close() {
    }

    // AccountPort

    @Override
    public CallerIdentity callerIdentity(ConnectorSpec spec) {
        return call(() -> {
            if (unassumable.contains(spec.awsAccountId())) {
                throw new AccessDeniedException("sts:AssumeRole failed: AccessDenied (HTTP 403): User is not"
                    + " authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + spec.awsAccountId()
                    + ":role/AscConnector", "aws", "sts:AssumeRole", "us-east-1", 403, "AccessDenied", null,
                    "sts:AssumeRole", null);
            }
            return CallerIdentity.builder().account(spec.awsAccountId())
                .arn("arn:aws:sts::" + spec.awsAccountId() + ":assumed-role/AscConnector/cloud-connector-sdk")
                .userId("AROAEXAMPLE:cloud-connector-sdk").build();
        });
    }

    @Override
    public List<RegionInfo> regions(ConnectorSpec spec) {
        return call(() -> REGIONS.stream().map(region -> RegionInfo.of(region, "opt-in-not-required")).toList());
    }

    @Override
    public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
        return call(() -> ConfigRecorderFacts.builder().addRecorders(ConfigRecorderFacts.Recorder.builder()
            .name("default").recording(true).lastStatus("Success").allSupported(true)
            .includeGlobalResourceTypes(true).build()).build());
    }

    @Override
    public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
        return call(() -> SecurityHubFacts.builder().enabled(true).hasFindings(true)
            .addStandards(StandardSubscription.builder().subscriptionArn("arn:aws:securityhub:" + region + ":"
                + spec.awsAccountId() + ":subscription/cis-aws-foundations-benchmark/v/1.2.0")
                .standardsArn("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0")
                .status("READY").build())
            .build());
    }

    @Override
    public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
        return call(Optional::empty);
    }

    @Override
    public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
        return call(Optional::empty);
    }

    // FleetPort

    @Override
    public List<Ec2Instance> instances(ConnectorSpec spec, String region) {
        return call(() -> List.of(instance(spec, region, "1", "running"), instance(spec, region, "2", "stopped")));
    }

    private static Ec2Instance instance(ConnectorSpec spec, String region, String suffix, String state) {
        return Ec2Instance.builder().instanceId(instanceId(spec, region, suffix)).region(region).state(state)
            .platformDetails("Linux/UNIX").architecture("x86_64")
            .instanceProfileArn("arn:aws:iam::" + spec.awsAccountId() + ":instance-profile/ssm").build();
    }

    private static String instanceId(ConnectorSpec spec, String region, String suffix) {
        return "i-" + spec.awsAccountId() + Math.abs(region.hashCode() % 1000) + suffix;
    }

    @Override
    public List<ManagedInstance> managedInstances(ConnectorSpec spec, String region) {
        return call(() -> List.of(ManagedInstance.builder().instanceId(instanceId(spec, region, "1"))
            .pingStatus("Online").platformType("Linux").platformName("Ubuntu").platformVersion("18.04").build()));
    }

    @Override
    public String sendCommand(ConnectorSpec spec, String region, RunCommand command) {
        return call(() -> "command-" + spec.awsAccountId() + "-" + region);
    }

    @Override
    public Optional<CommandInvocation> invocation(ConnectorSpec spec, String region, String commandId,
        String instanceId) {
        return call(() -> Optional.of(CommandInvocation.builder().instanceId(instanceId).status("Success")
            .statusDetails("Success").standardOutput("Connected to Azure").standardError("").build()));
    }

    // FindingsPort

    @Override
    public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
        return call(() -> {
            findingsCalledFor.add(spec.awsAccountId());
            if (!request.region().equals("us-east-1") || findingPages.isEmpty()) {
                return FindingsPage.builder().build();
            }
            int page = request.nextToken().map(Integer::parseInt).orElse(0);
            return FindingsPage.builder().findings(findingPages.get(page))
                .nextToken(page + 1 < findingPages.size() ? Optional.of(String.valueOf(page + 1)) : Optional.empty())
                .build();
        });
    }

    @Override
    public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
        return call(Optional::empty);
    }

    @Override
    public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
        return call(List::of);
    }

    @Override
    public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String arn) {
        return call(List::of);
    }

    @Override
    public List<SecurityHubMember> members(ConnectorSpec spec, String region, boolean onlyAssociated) {
        return call(() -> members.stream().filter(member -> !onlyAssociated
            || member.memberStatus().filter("Enabled"::equalsIgnoreCase).isPresent()).toList());
    }

    // ConnectorPort

    @Override
    public Optional<ConnectorResource> get(ConnectorKey key) {
        return call(() -> Optional.ofNullable(connectors.get(key)));
    }

    @Override
    public ConnectorResource put(ConnectorResource resource) {
        return call(() -> {
            String account = resource.key().name().substring(resource.key().name().indexOf('-') + 1);
            if (connectFailing.contains(account)) {
                throw new CloudServiceException("PUT connector failed: InternalServerError (HTTP 500)", "azure",
                    "PUT connector", null, 500, "InternalServerError", null, false, null);
            }
            ConnectorResource stored = ConnectorResource.builder().from(resource)
                .id("/subscriptions/" + resource.key().subscriptionId() + "/connectors/" + resource.key().name())
                .secretAccessKey(Optional.empty()).servicePrincipalSecret(Optional.empty())
                .authenticationState("Valid").build();
            connectors.put(resource.key(), stored);
            return stored;
        });
    }

    @Override
    public boolean delete(ConnectorKey key) {
        return call(() -> connectors.remove(key) != null);
    }

    @Override
    public List<ConnectorResource> list(ConnectorGeneration generation, String subscriptionId) {
        return call(() -> List.copyOf(connectors.values()));
    }

    @Override
    public ResourceProvider provider(String subscriptionId, String namespace) {
        return call(() -> ResourceProvider.of(namespace, "Registered"));
    }

    @Override
    public ResourceProvider register(String subscriptionId, String namespace) {
        return provider(subscriptionId, namespace);
    }

    // ArcPort

    @Override
    public List<ArcMachine> machines(ConnectorSpec spec) {
        return call(List::of);
    }
}
