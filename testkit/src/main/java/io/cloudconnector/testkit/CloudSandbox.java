package io.cloudconnector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.testkit.internal.FaultRules;
import io.cloudconnector.testkit.internal.SandboxEngine;
import io.cloudconnector.testkit.internal.SandboxTransformer;
import io.cloudconnector.testkit.internal.SelfSignedTls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A local sandbox of every AWS and Azure endpoint the SDK calls, answering in the real wire protocols from one
 * seeded account ({@link SandboxSeed}) and its Security Hub member accounts, if it has any (each AWS call is answered
 * as the account of the caller's credentials), so the SDK (or any client) is tested by configuring endpoints,
 * credentials and trust, as a user would for any endpoint.
 *
 * <p>Two in-process WireMock servers on loopback, on free ports: one over plain HTTP for AWS (STS, EC2, IAM, SSM,
 * AWS Config, Security Hub, and S3 with path-style addressing; the service and region come from the SigV4 credential
 * scope), one over HTTPS with a certificate generated at start for Azure Resource Manager, Microsoft Graph (paths
 * under {@code /v1.0/}) and the Microsoft Entra token endpoint. {@link #endpoints()} hands out both, with the trust
 * store and credentials, for {@code AwsAdapter.create(endpoints)} and {@code AzureAdapter.create(endpoints)};
 * {@link #spec()} is a valid connector spec for the seeded account.
 *
 * <p>Stateful where the services are: an assumed role's session credentials work, a connector written is read back
 * (write-only secrets as {@code ""}), an SSM invocation moves from {@code InvocationDoesNotExist} (first poll) to
 * Pending, InProgress and its terminal status, an instance whose onboarding script succeeded becomes a Connected
 * Arc machine, assessments written are listed, and what provisioning writes is read back (Security Hub enabled and
 * standards subscribed per region, AWS Config recorders and delivery channels, S3 buckets with their encryption,
 * public access block and policy, IAM roles, service-linked roles, users, policies and access keys; Entra
 * applications, their service principals and client secrets, resource groups and role assignments, also through
 * {@link #applications()}, {@link #resourceGroups()} and {@link #roleAssignments()}). An application given a
 * service principal and a secret through Graph signs in at the token endpoint with that secret. A service principal
 * created through Graph can be kept out of ARM's sight for its first role assignments
 * ({@link Builder#principalPropagationDelay(int)}). Security Hub's
 * GetFindings quota (3 per second, burst 6, per account and region) is enforced unless switched off. Faults are
 * injected with {@link #inject(SandboxFault)}.
 *
 * <p>Thread-safe. {@link #close()} stops both servers and deletes the key stores; no thread is left behind.
 */
public final class CloudSandbox implements AutoCloseable {

    /** The default number of entries in an IAM list page: 2, so that paging is exercised. */
    public static final int DEFAULT_IAM_PAGE_SIZE = 2;
    /** The default number of connectors or Arc machines in an ARM list page: 2, so that paging is exercised. */
    public static final int DEFAULT_ARM_PAGE_SIZE = 2;
    /** The default number of objects in a Microsoft Graph list page: 2, so that paging is exercised. */
    public static final int DEFAULT_GRAPH_PAGE_SIZE = 2;

    private static final int CONTAINER_THREADS = 64;
    private static final String LOOPBACK = "127.0.0.1";

    private final SandboxSeed seed;
    private final SandboxEngine engine;
    private final SelfSignedTls tls;
    private final WireMockServer aws;
    private final WireMockServer azure;
    private final URI awsUri;
    private final URI azureUri;

    private CloudSandbox(Builder builder) {
        this.seed = builder.seed;
        this.engine = new SandboxEngine(seed, builder.clock, builder.quota, builder.latency, builder.iamPageSize,
            builder.armPageSize, builder.syntheticFindings, builder.invocationRunTime, builder.graphPageSize,
            builder.principalPropagationDelay);
        this.tls = SelfSignedTls.generate();
        AtomicReference<URI> azureBase = new AtomicReference<>();
        this.aws = new WireMockServer(common().port(0).extensions(SandboxTransformer.aws(engine)));
        this.azure = new WireMockServer(common().httpDisabled(true).httpsPort(0).http2TlsDisabled(true)
            .keystorePath(tls.keyStore().toString()).keystorePassword(tls.password())
            .keyManagerPassword(tls.password()).keystoreType("PKCS12")
            .extensions(SandboxTransformer.azure(engine, azureBase::get)));
        try {
            aws.start();
            azure.start();
        } catch (RuntimeException e) {
            stopQuietly();
            tls.delete();
            throw e;
        }
        this.awsUri = URI.create("http://" + LOOPBACK + ":" + aws.port());
        this.azureUri = URI.create("https://" + LOOPBACK + ":" + azure.httpsPort());
        azureBase.set(azureUri);
        aws.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE)
            .willReturn(aResponse().withTransformers(SandboxTransformer.NAME)));
        azure.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE)
            .willReturn(aResponse().withTransformers(SandboxTransformer.NAME)));
    }

    /**
     * Starts a sandbox of the {@linkplain SandboxSeed#defaultSeed() default seed}, quota on, no latency.
     *
     * @throws IllegalStateException when a server cannot start
     */
    public static CloudSandbox start() {
        return builder().start();
    }

    /**
     * Starts a sandbox of {@code seed}, quota on, no latency.
     *
     * @throws IllegalStateException when a server cannot start
     */
    public static CloudSandbox start(SandboxSeed seed) {
        return builder().seed(seed).start();
    }

    /**
     * A builder: the default seed, quota on, no latency, IAM, ARM and Graph list pages of 2, new service principals
     * visible to ARM at once, the system clock.
     */
    public static Builder builder() {
        return new Builder();
    }

    private static WireMockConfiguration common() {
        return WireMockConfiguration.options().bindAddress(LOOPBACK).disableRequestJournal()
            .notifier(new Slf4jNotifier(false)).containerThreads(CONTAINER_THREADS).gzipDisabled(true)
            .http2PlainDisabled(true).stubRequestLoggingDisabled(true).jettyAcceptors(1);
    }

    /**
     * The endpoints, trust store and credentials that point the SDK at this sandbox: the AWS endpoint with the
     * seed's base access keys, the ARM endpoint, the Microsoft Graph endpoint and the Entra authority (the same HTTPS
     * server), the PKCS#12 trust store holding the sandbox's certificate, and the SDK's Azure service principal.
     */
    public CloudEndpoints endpoints() {
        SandboxSeed.AccessKey base = seed.baseCredentials();
        return CloudEndpoints.builder().aws(awsUri).arm(azureUri).graph(azureUri).authority(azureUri)
            .trustStore(tls.trustStore())
            .trustStorePassword(Secret.of(tls.password()))
            .awsCredentials(AwsAuthentication.accessKeys(base.accessKeyId(), Secret.of(base.secretAccessKey())))
            .azureClientId(seed.azure().clientId()).azureTenantId(seed.azure().tenantId())
            .azureClientSecret(Secret.of(seed.azure().clientSecret())).build();
    }

    /**
     * A valid spec for the seeded account: assume the seed's connector role (External ID = the subscription ID),
     * the seed's spec regions, Arc onboarding into the seed's resource group and location with the Arc service
     * principal, and the seed's onboarding user.
     */
    public ConnectorSpec spec() {
        SandboxSeed.Azure az = seed.azure();
        return ConnectorSpec.builder().displayName("aws-" + seed.accountId()).subscriptionId(az.subscriptionId())
            .tenantId(az.tenantId()).awsAccountId(seed.accountId())
            .authentication(AwsAuthentication.assumeRole(seed.connectorRoleArn()))
            .regions(seed.specRegions())
            .arc(ArcSettings.builder().resourceGroup(az.resourceGroup()).azureRegion(az.location())
                .servicePrincipalId(az.arcServicePrincipalId())
                .servicePrincipalSecret(Secret.of(az.arcServicePrincipalSecret())).build())
            .onboardingUserName(seed.onboardingUserName()).build();
    }

    /** The seed this sandbox plays (its state at start; writes since then are not reflected here). */
    public SandboxSeed seed() {
        return seed;
    }

    /** The AWS endpoint, {@code http://127.0.0.1:PORT}, for every service and region. */
    public URI awsUri() {
        return awsUri;
    }

    /** The Azure Resource Manager endpoint, {@code https://127.0.0.1:PORT}. */
    public URI armUri() {
        return azureUri;
    }

    /** The Microsoft Graph endpoint (its API under {@code /v1.0/}); the same server as {@link #armUri()}. */
    public URI graphUri() {
        return azureUri;
    }

    /** The Microsoft Entra authority host; the same server as {@link #armUri()}. */
    public URI authorityUri() {
        return azureUri;
    }

    /** The PKCS#12 trust store holding the sandbox's certificate; deleted by {@link #close()}. */
    public Path trustStore() {
        return tls.trustStore();
    }

    /** The trust store's password. */
    public Secret trustStorePassword() {
        return Secret.of(tls.password());
    }

    /** A TLS context that trusts the sandbox's certificate, for clients such as {@code java.net.http}. */
    public SSLContext sslContext() {
        return tls.sslContext();
    }

    /**
     * Injects a fault; faults are consulted in the order they were injected and the first that fires wins.
     *
     * @return a handle that counts the fault's firings and removes it
     */
    public InjectedFault inject(SandboxFault fault) {
        FaultRules faults = engine.faults();
        FaultRules.Rule rule = faults.add(Objects.requireNonNull(fault, "fault"));
        return new InjectedFault(fault, rule::fired, () -> faults.remove(rule));
    }

    /** Removes every injected fault. */
    public void clearFaults() {
        engine.faults().clear();
    }

    /**
     * Delays every call by {@code delay} from now on (zero for none), as a model of a far-away cloud.
     *
     * @throws IllegalArgumentException when negative
     */
    public void latency(Duration delay) {
        engine.latency(Builder.nonNegative(delay));
    }

    /** Switches the GetFindings quota (3 per second, burst 6, per account and region) on or off from now on. */
    public void quota(boolean enforced) {
        engine.quota(enforced);
    }

    /**
     * Makes every paging token handed out so far expired: Security Hub answers 400 InvalidInputException to an
     * expired {@code NextToken}, the other services their invalid-token errors.
     */
    public void expirePageTokens() {
        engine.tokens().expireAll();
    }

    /**
     * The Entra tenant's application registrations as they are now, in the order they were made (seeded ones first):
     * with the object ID of their service principal, and their client secrets, values included.
     */
    public List<SandboxSeed.Application> applications() {
        return engine.applications();
    }

    /** The subscription's resource groups as they are now, in the order they were made (seeded ones first). */
    public List<SandboxSeed.ResourceGroup> resourceGroups() {
        return engine.resourceGroups();
    }

    /** Every role assignment as it is now, at any scope, in the order they were made (seeded ones first). */
    public List<SandboxSeed.RoleAssignment> roleAssignments() {
        return engine.roleAssignments();
    }

    /** What the sandbox has seen so far. */
    public SandboxStats stats() {
        return engine.stats().snapshot();
    }

    /** Starts the statistics afresh. */
    public void resetStats() {
        engine.stats().reset();
    }

    /**
     * Every secret the sandbox knows or handed out so far: secret access keys, session tokens, service principal
     * secrets and bearer tokens. For tests that check none of them leaks into logs or output.
     */
    public Set<String> secrets() {
        return engine.principals().secrets();
    }

    /**
     * The WireMock server of the AWS side, for a test that needs an answer the sandbox does not give: stubs added
     * at WireMock's default priority answer before the sandbox.
     */
    public WireMockServer awsServer() {
        return aws;
    }

    /** The WireMock server of the Azure side; see {@link #awsServer()}. */
    public WireMockServer azureServer() {
        return azure;
    }

    /** Stops both servers and deletes the key stores. Idempotent. */
    @Override
    public void close() {
        stopQuietly();
        tls.delete();
    }

    private void stopQuietly() {
        if (aws.isRunning()) {
            aws.stop();
        }
        if (azure.isRunning()) {
            azure.stop();
        }
    }

    @Override
    public String toString() {
        return "CloudSandbox[aws=" + awsUri + ", azure=" + azureUri + ", account=" + seed.accountId() + "]";
    }

    /** Configures and starts a {@link CloudSandbox}. */
    public static final class Builder {

        private SandboxSeed seed = SandboxSeed.defaultSeed();
        private boolean quota = true;
        private Duration latency = Duration.ZERO;
        private int iamPageSize = DEFAULT_IAM_PAGE_SIZE;
        private int armPageSize = DEFAULT_ARM_PAGE_SIZE;
        private int graphPageSize = DEFAULT_GRAPH_PAGE_SIZE;
        private int principalPropagationDelay;
        private Clock clock = Clock.systemUTC();
        private int syntheticFindings;
        private Duration invocationRunTime = Duration.ZERO;

        private Builder() {
        }

        /** The account to play; the default seed when not set. */
        public Builder seed(SandboxSeed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /** No GetFindings quota (for benchmarks that measure the SDK rather than the quota). */
        public Builder withoutQuota() {
            this.quota = false;
            return this;
        }

        /**
         * Delays every call by {@code delay}; zero by default.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder latency(Duration delay) {
            this.latency = nonNegative(delay);
            return this;
        }

        /**
         * The most entries an IAM list page holds; 2 by default.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder iamPageSize(int size) {
            this.iamPageSize = positive(size, "iamPageSize");
            return this;
        }

        /**
         * The most applications or service principals a Microsoft Graph list page holds; 2 by default.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder graphPageSize(int size) {
            this.graphPageSize = positive(size, "graphPageSize");
            return this;
        }

        /**
         * How many role assignment attempts (ARM PUTs naming it) a service principal created through Microsoft Graph
         * is not found by ARM: each of its first {@code attempts} PUTs answers 400 {@code PrincipalNotFound}, as
         * Azure does while a new principal replicates. Seeded service principals are found at once. 0 by default.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder principalPropagationDelay(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("principalPropagationDelay must not be negative, was " + attempts);
            }
            this.principalPropagationDelay = attempts;
            return this;
        }

        /**
         * The most connectors, security connectors, Arc machines or role assignments an ARM list page holds; 2 by
         * default. Assessment and metadata lists use pages of 100.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder armPageSize(int size) {
            this.armPageSize = positive(size, "armPageSize");
            return this;
        }

        /** The clock of session expiries, token lifetimes and date-range filters; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Gives every region whose Security Hub the seed enables {@code perRegion} generated findings besides the
         * seed's own; none by default. For large volumes (a million findings costs no memory): each finding is made
         * from its region and index when a page is asked for, never stored. They are valid, ACTIVE control findings
         * of AWS Foundational Security Best Practices (about 1.5 KB of ASFF each, several resource types and
         * severities, a third PASSED), finding {@code i} updated {@code i} seconds after 2019-01-01T00:00:00Z, so
         * they list before the seed's findings in {@code UpdatedAt} ascending order and after them in descending
         * order. Filters apply to them as to any finding; GetFindings then sorts by {@code UpdatedAt} alone and
         * answers any other sort with 400 {@code InvalidInputException}. {@link SandboxSeed#findingsIn(String)} does
         * not include them.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder syntheticFindings(int perRegion) {
            if (perRegion < 0) {
                throw new IllegalArgumentException("syntheticFindings must not be negative, was " + perRegion);
            }
            this.syntheticFindings = perRegion;
            return this;
        }

        /**
         * How long every SSM Run Command invocation runs after its SendCommand: InProgress until then, its terminal
         * status after (the first poll still answers {@code InvocationDoesNotExist}). Zero, the default, moves an
         * invocation one step per GetCommandInvocation poll instead: Pending, InProgress, then terminal.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder invocationRunTime(Duration runTime) {
            if (Objects.requireNonNull(runTime, "runTime").isNegative()) {
                throw new IllegalArgumentException("invocationRunTime must not be negative, was " + runTime);
            }
            this.invocationRunTime = runTime;
            return this;
        }

        /**
         * Starts the sandbox.
         *
         * @throws IllegalStateException when a server cannot start
         */
        public CloudSandbox start() {
            return new CloudSandbox(this);
        }

        private static Duration nonNegative(Duration delay) {
            if (Objects.requireNonNull(delay, "delay").isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + delay);
            }
            return delay;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
