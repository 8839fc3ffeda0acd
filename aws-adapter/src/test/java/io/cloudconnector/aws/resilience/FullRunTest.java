package io.cloudconnector.aws.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.FileCheckpointStore;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.SpecJson;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One whole run against the sandbox (readiness, connect, discovery, onboarding, findings, compliance, secure score,
 * export), with faults on the way, and every logger at TRACE into a file: the SDK's, the AWS SDK's (its request and
 * wire logs included), Apache HttpClient's wire and header logs (through jcl-over-slf4j), azure-core's,
 * azure-identity's, MSAL's and Netty's.
 *
 * <p>The log, and the text of every result, exception and {@code toString} of the run, hold none of the sandbox's
 * secrets and nothing shaped like an AWS secret key or a bearer token, with one stated exception: the loggers of
 * {@link #DUMPERS} print raw requests and answers by design, and the SDK cannot mask them; it warns, and that warning
 * is checked here. The run also proves the fault matrix complete: every operation it calls has a row.
 *
 * <p>Runs in a JVM of its own (surefire execution {@code full-run}): the logging set-up below must come before the
 * first logger is made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullRunTest {

    static final Path LOG = Path.of("target", "full-run", "trace.log");

    /** Loggers that print raw AWS requests and answers, whose lines are not scanned (see the class comment). */
    static final List<String> DUMPERS = List.of("org.apache.http.wire", "org.apache.http.headers",
        "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner");

    private static final Pattern AWS_SECRET_KEY = Pattern.compile(
        "(?i)(secret|key|token|credential|password)[\"'<>:=\\s]{1,4}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{16,}");
    private static final Pattern JWT = Pattern.compile("ey[A-Za-z0-9_-]{8,}\\.ey[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    /** The default timeouts (logging everything at TRACE is slow), with short waits between attempts. */
    private static final ResiliencePolicy QUICK_RETRIES = ResiliencePolicy.builder()
        .baseBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build();
    private static final Pattern LOGGER = Pattern.compile("^\\[[^]]*] [A-Z]+ (\\S+) - ");

    static {
        try {
            Files.createDirectories(LOG.getParent());
            Files.deleteIfExists(LOG);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", LOG.toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.wiremock", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.WireMock", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.cloudconnector.testkit", "warn");
    }

    private final List<String> texts = new ArrayList<>();
    private final Set<String> called = new TreeSet<>();
    private Set<String> secrets;

    @BeforeAll
    void run() throws IOException {
        SandboxSeed seed = FaultMatrixCells.withAggregator(SandboxSeed.defaultSeed());
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(seed).withoutQuota().start()) {
            sandbox.inject(SandboxFault.on("ec2:DescribeInstances").inRegion("eu-west-1").throttle());
            sandbox.inject(SandboxFault.on("securityhub:GetFindings").inRegion("us-east-1").serverError());
            sandbox.inject(SandboxFault.on("arm:PUT connectors").connectionReset());
            sandbox.inject(SandboxFault.on("ssm:DescribeInstanceInformation").inRegion("ap-southeast-2").always()
                .accessDenied());
            ConnectorSpec spec = sandbox.spec();
            texts.add(spec.toString());
            texts.add(SpecJson.write(spec));
            texts.add(sandbox.endpoints().toString());
            try (ConnectorClient client = ConnectorClient.of(
                AwsAdapter.builder().endpoints(sandbox.endpoints()).resilience(QUICK_RETRIES).build(),
                AzureAdapter.builder().endpoints(sandbox.endpoints()).resilience(QUICK_RETRIES).build())) {
                runEverything(client, spec);
            }
            called.addAll(sandbox.stats().requests().keySet());
            secrets = sandbox.secrets();
        }
        texts.add(Files.readString(LOG));
    }

    @Test
    void fullRun_atTrace_noSecretInLogsResultsOrMessages() throws IOException {
        String log = Files.readString(LOG);

        assertThat(secrets).hasSizeGreaterThan(3);
        assertThat(log).as("Apache's wire log reaches the file").contains("org.apache.http.wire");
        assertThat(log).as("azure-core logs reach the file").contains("com.azure.");
        assertThat(log).as("the SDK names the loggers it cannot mask")
            .contains("WARN io.cloudconnector.aws.internal.CredentialLoggers").contains(DUMPERS.get(0));
        for (String text : texts) {
            String scanned = withoutDumpers(text);
            assertThat(secrets).allSatisfy(secret -> assertThat(scanned).doesNotContain(secret));
            assertThat(shapedLikeSecrets(scanned)).isEmpty();
        }
    }

    @Test
    void fullRun_everyOperationCalled_hasARowInTheFaultMatrix() {
        Set<String> cloudCalls = new TreeSet<>(called);
        cloudCalls.removeIf(operation -> operation.startsWith("entra:"));

        assertThat(cloudCalls).hasSizeGreaterThan(20);
        assertThat(Probe.all()).extracting(Probe::operation).containsAll(cloudCalls);
    }

    @Test
    void shapedLikeSecrets_keysTokensAndJwts_areFound() {
        String key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        assertThat(shapedLikeSecrets("<SecretAccessKey>" + key + "</SecretAccessKey>")).hasSize(1);
        assertThat(shapedLikeSecrets("Authorization: Bearer abc.def-ghi_jkl~mno")).hasSize(1);
        assertThat(shapedLikeSecrets("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2ln")).isNotEmpty();
        assertThat(shapedLikeSecrets("Credential=AKIASANDBOX000000001/20261203/us-east-1/sts/aws4_request"))
            .isEmpty();
    }

    private void runEverything(ConnectorClient client, ConnectorSpec spec) {
        ReadinessReport readiness = client.checkReadiness(spec);
        texts.add(readiness.toString());
        texts.add(readiness.toText());
        texts.add(client.connect(spec, ConnectOptions.builder().registerProviders(true).build()).toString());
        texts.add(client.status(spec).toString());
        DiscoveryResult discovery = client.discover(spec);
        texts.add(discovery.toString());
        texts.add(client.onboard(spec, discovery, OnboardingOptions.builder().pollInterval(Duration.ofMillis(20))
            .build()).toString());
        FindingsTally tally = new FindingsTally();
        try (Stream<Finding> findings = client.findings(spec, FindingQuery.activeFindings(), tally)) {
            findings.forEach(finding -> texts.add(finding.toString()));
        }
        texts.add(tally.skipped().toString());
        tally.failedRegions().values().forEach(failure -> texts.add(failure.toString()));
        texts.add(client.compliance(spec).toString());
        texts.add(client.secureScore(spec).toString());
        try {
            Path checkpoints = Files.createTempDirectory("full-run");
            texts.add(client.exportFindings(spec, ExportOptions.builder()
                .checkpoints(FileCheckpointStore.in(checkpoints)).maxWritesPerSecond(100_000).build()).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ConnectorSpec withoutArc = ConnectorSpec.builder().from(spec).arc(Optional.empty()).build();
        texts.add(failure(() -> client.onboard(withoutArc, discovery)));
    }

    private static String failure(Runnable action) {
        try {
            action.run();
            return "";
        } catch (ConnectorException e) {
            return e.toString();
        }
    }

    /** The text without the lines (and their continuation lines) of the loggers of {@link #DUMPERS}. */
    private static String withoutDumpers(String text) {
        StringBuilder kept = new StringBuilder();
        boolean dumping = false;
        for (String line : text.split("\n", -1)) {
            Matcher logger = LOGGER.matcher(line);
            if (logger.find()) {
                dumping = DUMPERS.contains(logger.group(1));
            }
            if (!dumping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    static List<String> shapedLikeSecrets(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern shape : List.of(AWS_SECRET_KEY, BEARER, JWT)) {
            Matcher matcher = shape.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
