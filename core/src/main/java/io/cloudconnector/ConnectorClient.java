package io.cloudconnector;

import io.cloudconnector.internal.ConnectorService;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.SpecValidator;
import io.cloudconnector.internal.findings.FindingsService;
import io.cloudconnector.internal.fleet.DiscoveryService;
import io.cloudconnector.internal.fleet.OnboardingService;
import io.cloudconnector.internal.fleet.SafeListener;
import io.cloudconnector.internal.provisioning.ProvisioningApplier;
import io.cloudconnector.internal.provisioning.ProvisioningPlanner;
import io.cloudconnector.internal.readiness.ReadinessService;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The one entry point of the SDK: built from an AWS side and an Azure side, it checks readiness, manages the connector
 * resource, discovers and onboards EC2 instances, and reads findings.
 *
 * <p>Thread-safe. Calls are synchronous and return immutable results. {@link #close()} closes both sides.
 */
public final class ConnectorClient implements AutoCloseable {

    /** How many regions a call works on at once by default: readiness, discovery, onboarding and findings. */
    public static final int DEFAULT_REGION_PARALLELISM = RegionFanOut.DEFAULT_PARALLELISM;
    /** The most regions {@link Builder#regionParallelism(int)} accepts. */
    public static final int MAX_REGION_PARALLELISM = 64;

    private final AwsSide aws;
    private final AzureSide azure;
    private final int regionParallelism;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectorClient(AwsSide aws, AzureSide azure, int regionParallelism) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.azure = Objects.requireNonNull(azure, "azure");
        this.regionParallelism = regionParallelism;
    }

    /** A client over the given sides; it owns them and closes them with itself. */
    public static ConnectorClient of(AwsSide aws, AzureSide azure) {
        return new ConnectorClient(aws, azure, DEFAULT_REGION_PARALLELISM);
    }

    /** A builder of a client over the given sides, for settings other than the defaults of {@link #of}. */
    public static Builder builder(AwsSide aws, AzureSide azure) {
        return new Builder(aws, azure);
    }

    /**
     * Checks that the spec's AWS account is ready to connect: the credentials, the regions, AWS Config and Security
     * Hub in every region the spec covers, the IAM role or users, and the share of EC2 instances SSM manages. Regions
     * are checked in parallel, at most the client's region parallelism (8 by default) at a time; a region that is
     * not enabled for the account is reported, never called.
     *
     * <p>Cloud errors do not throw: a check that could not be run (a missing permission, throttling after retries, a
     * timeout) is reported as {@link ReadinessCheck.Status#ERROR} with the cause, and every other check still runs.
     * When the credentials do not resolve to the spec's account, the report holds the credential checks alone.
     *
     * @throws NullPointerException when {@code spec} is null
     */
    public ReadinessReport checkReadiness(ConnectorSpec spec) {
        return new ReadinessService(aws(), regionParallelism).check(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Discovers the EC2 instances of the spec's account against the {@linkplain SupportedOsTable#defaults() default
     * supported-OS table}; see {@link #discover(ConnectorSpec, SupportedOsTable, FleetListener)}.
     */
    public DiscoveryResult discover(ConnectorSpec spec) {
        return discover(spec, SupportedOsTable.defaults(), SafeListener.NONE);
    }

    /**
     * Discovers the EC2 instances of the spec's account: every region of the spec that is enabled (or every enabled
     * region when the spec names none), in parallel; in each, the instances that are not terminated
     * ({@code ec2:DescribeInstances}) joined with their SSM agent ({@code ssm:DescribeInstanceInformation}) and with
     * the Azure Arc machines of the spec's resource group (matched by resource name or {@code InstanceId} tag), each
     * with an onboarding verdict. A region that is not enabled is skipped, one whose calls fail is reported with its
     * cause; neither hides the other regions' instances. Without Arc settings in the spec no Arc machine is read and
     * every instance is {@link ArcStatus#NOT_ONBOARDED}.
     *
     * @param osTable the operating systems that may be onboarded
     * @param listener hears each region as it is done; see {@link FleetListener} for threading
     * @throws ConnectorException when the account's regions or the Arc machines cannot be listed (the
     *     {@link AccessDeniedException} subtype names the missing permission)
     */
    public DiscoveryResult discover(ConnectorSpec spec, SupportedOsTable osTable, FleetListener listener) {
        Objects.requireNonNull(spec, "spec");
        return new DiscoveryService(aws().account(), aws().fleet(), azure().arc(), Clock.systemUTC(),
            regionParallelism)
            .discover(spec, Objects.requireNonNull(osTable, "osTable"), SafeListener.of(listener));
    }

    /** Onboards the eligible instances of {@code discovery} with {@linkplain OnboardingOptions#defaults() defaults}. */
    public OnboardingResult onboard(ConnectorSpec spec, DiscoveryResult discovery) {
        return onboard(spec, discovery, OnboardingOptions.defaults(), SafeListener.NONE);
    }

    /** Onboards the eligible instances of {@code discovery}; see the four-argument form. */
    public OnboardingResult onboard(ConnectorSpec spec, DiscoveryResult discovery, OnboardingOptions options) {
        return onboard(spec, discovery, options, SafeListener.NONE);
    }

    /**
     * Onboards the {@link OnboardingVerdict#ELIGIBLE} instances of {@code discovery} to Azure Arc through SSM Run
     * Command, and waits for every instance's result up to the options' deadline. Per region and platform, batches of
     * at most 50 instances get one {@code ssm:SendCommand} each ({@code AWS-RunShellScript} for Linux,
     * {@code AWS-RunPowerShellScript} for Windows) whose script installs the Azure Connected Machine agent and runs
     * {@code azcmagent connect} with the spec's service principal; results are read with
     * {@code ssm:GetCommandInvocation}. Safe to run again: Connected instances are never eligible, failed ones are.
     * Nothing is sent when the spec's {@code arc.autoProvision} is off. The service principal secret travels inside
     * the command (readable from the account's Run Command history) but never appears in logs or in the result.
     *
     * @param listener hears each command sent and each instance's outcome; see {@link FleetListener} for threading
     * @throws InvalidSpecException when the spec has no Arc settings
     * @throws IllegalArgumentException when {@code discovery} is of another AWS account than the spec's
     */
    public OnboardingResult onboard(ConnectorSpec spec, DiscoveryResult discovery, OnboardingOptions options,
        FleetListener listener) {
        Objects.requireNonNull(spec, "spec");
        if (!Objects.requireNonNull(discovery, "discovery").awsAccountId().equals(spec.awsAccountId())) {
            throw new IllegalArgumentException("discovery: must be of the spec's AWS account " + spec.awsAccountId()
                + " (was of account " + discovery.awsAccountId() + ")");
        }
        return new OnboardingService(aws().fleet(), regionParallelism).onboard(spec, discovery,
            Objects.requireNonNull(options, "options"), SafeListener.of(listener));
    }

    /** A builder of a {@link ConnectorScheduler} that discovers and onboards the spec's instances periodically. */
    public ConnectorScheduler.Builder scheduler(ConnectorSpec spec) {
        return ConnectorScheduler.builder(this, spec);
    }

    /**
     * Makes the spec's connector resource exist in Azure with the spec's settings, with the default options: an
     * existing connector keeps its secrets, and unregistered resource providers are reported, not registered.
     *
     * @see #connect(ConnectorSpec, ConnectOptions)
     */
    public ConnectResult connect(ConnectorSpec spec) {
        return connect(spec, ConnectOptions.defaults());
    }

    /**
     * Makes the spec's connector resource exist in Azure with the spec's settings. Idempotent: the connector is read
     * first and written only when it is missing, a setting differs, or {@link ConnectOptions#rotateCredentials()}
     * asks for it. Secrets cannot be compared (Azure never returns them), so an existing connector whose other settings
     * match keeps its secrets; any write carries the spec's secrets. Before a write, the resource providers the
     * connector needs are checked, and registered when {@link ConnectOptions#registerProviders()} is set.
     *
     * @throws InvalidSpecException when the spec cannot be expressed in its generation (the current generation needs
     *     assume-role authentication and Arc settings)
     * @throws NotReadyException when a write is needed and a resource provider it needs is not registered
     * @throws CloudServiceException when Azure answers with an error ({@link AccessDeniedException} for a missing
     *     permission, {@link ThrottledException} when throttling outlasts the retries)
     */
    public ConnectResult connect(ConnectorSpec spec, ConnectOptions options) {
        return connectors().connect(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(options, "options"));
    }

    /**
     * The spec's connector as Azure reports it: provisioning states with explanations, granted permissions, Arc
     * settings without secrets. A missing connector is a status with {@link ConnectorStatus#exists()} false.
     *
     * @throws CloudServiceException when Azure answers with an error
     */
    public ConnectorStatus status(ConnectorSpec spec) {
        return connectors().status(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Every AWS connector of both generations in the subscription, classic ones first; connectors of other clouds
     * are left out.
     *
     * @throws IllegalArgumentException when {@code subscriptionId} is not a GUID (nothing is sent)
     * @throws CloudServiceException when Azure answers with an error
     */
    public List<ConnectorStatus> list(String subscriptionId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (!SpecValidator.isGuid(subscriptionId)) {
            throw new IllegalArgumentException("subscriptionId: must be a GUID such as "
                + "00000000-0000-0000-0000-000000000000 (was '" + subscriptionId + "')");
        }
        return connectors().list(subscriptionId);
    }

    /**
     * Deletes the spec's connector resource. A connector that does not exist is not an error.
     *
     * @return true when a connector was deleted, false when there was none
     * @throws CloudServiceException when Azure answers with an error
     */
    public boolean disconnect(ConnectorSpec spec) {
        return connectors().disconnect(Objects.requireNonNull(spec, "spec"));
    }

    private ConnectorService connectors() {
        return new ConnectorService(azure().connectors());
    }

    /**
    // Security Hub findings, compliance, secure score and export (issue 6)

    /**
     * The Security Hub findings of the spec's enabled regions that match {@code query}, as a lazy stream: pages of
     * at most 100 are fetched only as the stream is consumed, and the memory held does not grow with the number of
     * findings. Close the stream (try-with-resources) to stop early.
     *
     * <p>When the account has a finding aggregator, only its home region is called for the regions it links (each
     * read is filtered on its regions, so nothing is counted twice). Several regions are read side by side (at most
     * the client's region parallelism, 8 by default, each within its own Security Hub quota), and their pages
     * interleave in the order they arrive: within a region read findings come oldest {@code UpdatedAt} first, and the
     * stream reads ahead at most three pages per region read at once: a region's next page is fetched while the page
     * before is read, checked and mapped on a second thread. Within a read, a finding is delivered once
     * per {@code UpdatedAt}: a repeat (after an expired page token, which restarts the region once from its first
     * page) is dropped; a finding
     * updated while the stream is read can come again later in its newer version, so a consumer that keeps the last
     * one per {@link Finding#key()} keeps the newest. Malformed findings are skipped and a region that fails is
     * left out; both are logged. Use {@link #findings(ConnectorSpec, FindingQuery, FindingsListener)} to hear of
     * them.
     *
     * @throws ConnectorException when the regions cannot be listed (before the stream is returned)
     */
    public Stream<Finding> findings(ConnectorSpec spec, FindingQuery query) {
        return findings(spec, query, new FindingsListener() { });
    }

    /**
     * As {@link #findings(ConnectorSpec, FindingQuery)}, telling {@code listener} of every skipped finding and
     * failed region (a {@link FindingsTally} counts them).
     */
    public Stream<Finding> findings(ConnectorSpec spec, FindingQuery query, FindingsListener listener) {
        return new FindingsService(aws(), azure(), regionParallelism).findings(Objects.requireNonNull(spec, "spec"),
            Objects.requireNonNull(query, "query"), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The account's standing against every enabled CIS AWS Foundations Benchmark version: each control PASSED,
     * FAILED, NO_DATA or DISABLED, its failing resources, and the share of enabled controls passed, with the outcome
     * of each region.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public ComplianceSummary compliance(ConnectorSpec spec) {
        return new FindingsService(aws(), azure(), regionParallelism).compliance(spec);
    }

    /**
     * The account's secure score from its Security Hub control findings, as Defender for Cloud computes it; see
     * {@link SecureScore} for the weights.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public SecureScore secureScore(ConnectorSpec spec) {
        return new FindingsService(aws(), azure(), regionParallelism).secureScore(spec);
    }

    /**
     * Writes the control findings changed since the last run into Defender for Cloud as custom assessments, one
     * metadata entry per control and one result per resource, and moves the checkpoint after each page's writes.
     * A run that dies resumes after the last checkpoint: nothing is lost, and only the writes of the page in
     * progress when it died are repeated (with the same content). Results of EC2 instances onboarded to Azure Arc
     * go on their Arc machine; results of other AWS resources, which have no Azure resource, are kept per control
     * in one assessment on the subscription. Writes are paced to {@link ExportOptions#maxWritesPerSecond()}. A
     * region whose read, writes or checkpoint fail is reported FAILED in the result, and the others go on.
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    public ExportResult exportFindings(ConnectorSpec spec, ExportOptions options) {
        return new FindingsService(aws(), azure(), regionParallelism).exportFindings(spec, options);
    }

    /**
     * Plans the preparation of the spec's AWS account with the {@linkplain ProvisioningOptions#defaults() default
     * options}; see {@link #plan(ConnectorSpec, ProvisioningOptions)}.
     *
     * @throws NullPointerException when {@code spec} is null
     */
    public ProvisioningPlan plan(ConnectorSpec spec) {
        return plan(spec, ProvisioningOptions.defaults());
    }

    /**
     * Reads the state of the spec's AWS account and returns the writes that would prepare it for the connector:
     * Security Hub and the chosen CIS standard in every region the spec covers, AWS Config recording all resource
     * types with a delivery channel (and, on request, its bucket), the connector's IAM role, and on request an IAM
     * user and access key. On request ({@link ProvisioningOptions#createServicePrincipal()}) also the service
     * principal of Azure Arc onboarding in the spec's Azure subscription: the Arc resource providers registered, the
     * Arc resource group, an Entra application with its service principal and client secret, and the role Azure
     * Connected Machine Onboarding on the resource group. Writes nothing. Existing things that are wrong in a way
     * provisioning will not touch (a role trusting another principal or lacking the External ID condition, a bucket
     * policy without AWS Config, several Entra applications with the service principal's name) are returned as
     * conflicts, never overwritten.
     *
     * <p>The AWS side reads (and {@link #apply(ProvisioningPlan)} writes) with its own identity, such as the AWS
     * adapter's base credentials, not with the spec's authentication, whose role or user may not exist yet; the Azure
     * side likewise with its own identity, in the tenant it signs in to. Regions are read in parallel, at most 8 at a
     * time; a fact that cannot be read is reported as a conflict and everything else is still planned. The Azure side
     * is only asked to provision when the options ask for the service principal.
     *
     * @throws IllegalArgumentException when the options ask for the service principal but neither they
     *     ({@link ProvisioningOptions#arcResourceGroup()}, {@link ProvisioningOptions#arcRegion()}) nor the spec's
     *     Arc settings give the resource group or the region; nothing is read then
     * @throws NotReadyException when the AWS side's identity belongs to another account than the spec's
     * @throws ConnectorException when that identity or the account's regions cannot be read
     * @throws UnsupportedOperationException when the AWS side cannot provision, or the Azure side cannot and the
     *     options ask for the service principal
     * @throws NullPointerException when an argument is null
     */
    public ProvisioningPlan plan(ConnectorSpec spec, ProvisioningOptions options) {
        return new ProvisioningPlanner(aws(), azure()).plan(Objects.requireNonNull(spec, "spec"),
            Objects.requireNonNull(options, "options"));
    }

    /**
     * Performs the plan's actions in order, each only if the account, read again first, still needs it, and stops at
     * the first failure; a new {@link #plan(ConnectorSpec, ProvisioningOptions)} then shows what is left. Applying
     * the same plan twice writes nothing the second time. Never deletes, overwrites or weakens anything; when the
     * account changed since the plan in a way that makes an action unsafe, that action fails with the reason.
     *
     * <p>A failing write does not throw: it is reported in the result, with the actions done before it. An access
     * key created is returned once, in {@link ProvisioningResult#accessKey()}; a client secret created for the
     * service principal once, in {@link ProvisioningResult#servicePrincipal()}.
     *
     * @throws ConnectorException when the account's state cannot be read again before writing
     * @throws UnsupportedOperationException when the AWS side cannot provision, or the Azure side cannot and the plan
     *     prepares the service principal
     * @throws NullPointerException when {@code plan} is null
     */
    public ProvisioningResult apply(ProvisioningPlan plan) {
        return new ProvisioningApplier(aws(), azure()).apply(Objects.requireNonNull(plan, "plan"));
    }

    /**
    // Many accounts: a Security Hub administrator account and its members (issue 10)

    /**
     * The fleet of a Security Hub administrator account: its member accounts ({@code securityhub:ListMembers} in the
     * first enabled region of the administrator's spec, every page, whatever their relationship), each with a
     * connector spec made from {@code template}, the administrator's own spec first. Only members whose relationship
     * is enabled get a spec, unless {@link FleetTemplate#includeAllMembers()}; the others are reported as left out.
     * Nothing else is called until the fleet is run.
     *
     * @throws InvalidSpecException naming every member the template gives no Azure subscription, or whose spec
     *     breaks a rule
     * @throws NotReadyException when none of the administrator's regions is enabled
     * @throws ConnectorException when the administrator's regions or members cannot be listed
     *     ({@link AccessDeniedException} names the missing permission)
     */
    public AccountFleet fleet(ConnectorSpec administrator, FleetTemplate template) {
        return AccountFleet.read(aws(), azure(), Objects.requireNonNull(administrator, "administrator"),
            Objects.requireNonNull(template, "template"));
    }

    /** Closes the AWS side, then the Azure side; calls after it throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            aws.close();
        } finally {
            azure.close();
        }
    }

    private AwsSide aws() {
        ensureOpen();
        return aws;
    }

    private AzureSide azure() {
        ensureOpen();
        return azure;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This ConnectorClient is closed; create a new one");
        }
    }

    /** Configures and builds a {@link ConnectorClient}. */
    public static final class Builder {

        private final AwsSide aws;
        private final AzureSide azure;
        private int regionParallelism = DEFAULT_REGION_PARALLELISM;

        private Builder(AwsSide aws, AzureSide azure) {
            this.aws = Objects.requireNonNull(aws, "aws");
            this.azure = Objects.requireNonNull(azure, "azure");
        }

        /**
         * How many regions readiness, discovery, onboarding and findings work on at once; 8
         * ({@link #DEFAULT_REGION_PARALLELISM}) by default. Raise it to cover every region of an account in one wave
         * (the calls of a region stay one after the other); each region keeps its own quotas, so more regions at once
         * do not add throttling.
         *
         * @throws IllegalArgumentException when not between 1 and {@value #MAX_REGION_PARALLELISM}
         */
        public Builder regionParallelism(int regions) {
            if (regions < 1 || regions > MAX_REGION_PARALLELISM) {
                throw new IllegalArgumentException("regionParallelism must be between 1 and " + MAX_REGION_PARALLELISM
                    + ", was " + regions);
            }
            this.regionParallelism = regions;
            return this;
        }

        /** A client over the sides; it owns them and closes them with itself. */
        public ConnectorClient build() {
            return new ConnectorClient(aws, azure, regionParallelism);
        }
    }
}
