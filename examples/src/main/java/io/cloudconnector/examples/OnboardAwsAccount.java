package io.cloudconnector.examples;

import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.SecureScore;
import io.cloudconnector.SupportedOsTable;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * The main job end to end: readiness, connect, discover, onboard, then the findings, CIS compliance and secure score
 * of the account, printed as a report a person can read, with progress while it works.
 *
 * <p>Usage: {@code OnboardAwsAccount [--spec spec.json] [--continue]}. Without {@code --spec} it starts the local
 * sandbox and says so in its first line; with one it runs against the real clouds (AWS default credential chain,
 * {@code DefaultAzureCredential}). It stops with exit code 2 when the account is not ready, unless {@code --continue}
 * is given; any other failure exits with 1.
 */
public final class OnboardAwsAccount {

    /** Exit code when the account is not ready and {@code --continue} was not given. */
    static final int NOT_READY = 2;
    /** Exit code when the run failed. */
    static final int FAILED = 1;

    private OnboardAwsAccount() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the example with {@code args}, printing the report to {@code out} and progress to {@code progress}. */
    static int run(String[] args, PrintStream out, PrintStream progress) {
        ExampleArguments arguments;
        try {
            arguments = ExampleArguments.parse(args, Set.of("spec"), Set.of("continue"));
        } catch (IllegalArgumentException e) {
            progress.println("Usage: OnboardAwsAccount [--spec spec.json] [--continue]: " + e.getMessage());
            return FAILED;
        }
        try (ExampleEnvironment environment = ExampleEnvironment.open(arguments.path("spec"))) {
            out.println(environment.describe());
            Optional<FlowReport> report = runFlow(environment, arguments.flag("continue"), out,
                new ProgressPrinter(progress));
            report.ifPresent(flow -> out.print(ReportText.render(flow)));
            return report.isPresent() ? 0 : NOT_READY;
        } catch (ConnectorException | UncheckedIOException e) {
            progress.println("Failed: " + ExampleEnvironment.describe(e));
            return FAILED;
        }
    }

    /** The whole flow; empty when it stopped because the account is not ready. */
    static Optional<FlowReport> runFlow(ExampleEnvironment environment, boolean continueWhenNotReady,
        PrintStream out, ProgressPrinter progress) {
        ConnectorClient client = environment.client();
        ConnectorSpec spec = environment.spec();

        progress.step("checking that AWS account " + spec.awsAccountId() + " is ready");
        ReadinessReport readiness = client.checkReadiness(spec);
        out.println(readiness.toText());
        if (readiness.verdict() == ReadinessReport.Verdict.NOT_READY && !continueWhenNotReady) {
            out.println("The account is not ready: fix the FAIL and ERROR checks above, or run with --continue.");
            return Optional.empty();
        }

        progress.step("creating or updating connector " + spec.connectorName()
            + " in Azure, registering the resource providers it needs");
        ConnectResult connect = client.connect(spec, ConnectOptions.builder().registerProviders(true).build());
        progress.step("discovering EC2 instances");
        DiscoveryResult discovery = client.discover(spec, SupportedOsTable.defaults(), progress);
        progress.step("onboarding eligible instances to Azure Arc");
        OnboardingResult onboarding = client.onboard(spec, discovery, onboardingOptions(environment), progress);

        progress.step("reading active Security Hub findings");
        FindingsTally tally = new FindingsTally();
        FindingsSummary findings = FindingsSummary.count(
            client.findings(spec, FindingQuery.activeFindings(), tally), tally);
        progress.step("computing CIS AWS Foundations compliance and the secure score");
        ComplianceSummary compliance = client.compliance(spec);
        SecureScore score = client.secureScore(spec);
        return Optional.of(new FlowReport(readiness, connect, discovery, onboarding, findings, compliance, score));
    }

    private static OnboardingOptions onboardingOptions(ExampleEnvironment environment) {
        if (environment.isSandbox()) {
            return OnboardingOptions.builder().pollInterval(ExampleEnvironment.SANDBOX_POLL_INTERVAL).build();
        }
        return OnboardingOptions.defaults();
    }
}
