package io.cloudconnector.examples;

import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionResult;
import io.cloudconnector.SecureScore;
import io.cloudconnector.StandardCompliance;
import java.util.List;
import java.util.Map;

/** Renders a {@link FlowReport} as plain text for a person. */
final class ReportText {

    private static final double PERCENT = 100.0;

    private ReportText() {
    }

    static String render(FlowReport report) {
        StringBuilder text = new StringBuilder();
        connector(text, report);
        discovery(text, report);
        onboarding(text, report);
        findings(text, report.findings());
        compliance(text, report);
        score(text, report);
        return text.toString();
    }

    private static void connector(StringBuilder text, FlowReport report) {
        ConnectorStatus status = report.connect().status();
        text.append("\n== Connector\n")
            .append(String.format("%s %s (%s): %s%n", status.generation(), status.name(),
                status.resourceId().orElse("no resource ID"), report.connect().change()));
        status.explanations().forEach(line -> text.append("  ! ").append(line).append('\n'));
        report.connect().providers().stream().filter(provider -> !provider.registered())
            .forEach(provider -> text.append("  ! resource provider ").append(provider.namespace())
                .append(" is ").append(provider.state()).append('\n'));
    }

    private static void discovery(StringBuilder text, FlowReport report) {
        text.append("\n== EC2 instances\n");
        for (RegionDiscovery region : report.discovery().regions()) {
            text.append(String.format("%-16s %-8s %3d instances%s%n", region.region(), region.status(),
                region.instanceCount(), region.cause().map(cause -> "  " + cause).orElse("")));
        }
        for (Map.Entry<OnboardingVerdict, Integer> entry : report.discovery().countsByVerdict().entrySet()) {
            text.append(String.format("  %-18s %3d%n", entry.getKey(), entry.getValue()));
        }
    }

    private static void onboarding(StringBuilder text, FlowReport report) {
        text.append("\n== Azure Arc onboarding\n")
            .append(String.format("%d onboarded, %d failed, %d commands sent%n",
                report.onboarding().succeededCount(), report.onboarding().failedCount(),
                report.onboarding().commands().size()));
        for (InstanceOnboarding instance : report.onboarding().instances()) {
            if (!instance.succeeded()) {
                text.append(String.format("  %s %s: %s %s%s%n", instance.region(), instance.instanceId(),
                    instance.status(), instance.detail(), lastLine(instance.errorTail())));
            }
        }
    }

    private static String lastLine(String output) {
        return output.lines().filter(line -> !line.isBlank()).reduce((first, second) -> second)
            .map(line -> ": " + line.strip()).orElse("");
    }

    private static void findings(StringBuilder text, FindingsSummary findings) {
        text.append("\n== Security Hub findings (active)\n")
            .append(String.format("%d findings%s%n", findings.total(),
                findings.skipped() == 0 ? "" : ", " + findings.skipped() + " malformed ones skipped"));
        findings.bySeverity().forEach((label, count) -> text.append(String.format("  %-14s %5d%n", label, count)));
        text.append("  by product:\n");
        findings.byProduct().forEach((product, count) -> text.append(String.format("  %-14s %5d%n", product, count)));
        findings.failedRegions().forEach((region, cause) -> text.append("  ! ").append(region).append(": ")
            .append(cause).append('\n'));
    }

    private static void compliance(StringBuilder text, FlowReport report) {
        text.append("\n== CIS AWS Foundations compliance\n");
        for (StandardCompliance standard : report.compliance().standards()) {
            text.append(String.format("  %-8s %3d of %3d enabled controls passed (%.1f %%) in %s%n",
                standard.version(), standard.passedControls(), standard.enabledControls(),
                standard.passedShare() * PERCENT, String.join(", ", standard.regions())));
        }
        regionProblems(text, report.compliance().regions());
    }

    private static void score(StringBuilder text, FlowReport report) {
        SecureScore score = report.score();
        text.append("\n== Secure score of the AWS resources\n")
            .append(String.format("  %.1f of %d (%.1f %%) over %d controls%n", score.currentScore(),
                score.maxScore(), score.percentage(), score.controls().size()));
        regionProblems(text, score.regions());
    }

    private static void regionProblems(StringBuilder text, List<RegionResult> regions) {
        regions.stream().filter(region -> region.status() == RegionResult.Status.FAILED)
            .forEach(region -> text.append("  ! ").append(region.region()).append(": ").append(region.detail())
                .append('\n'));
    }
}
