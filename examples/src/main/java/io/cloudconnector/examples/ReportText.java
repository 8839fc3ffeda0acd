package io.cloudconnector.examples;

import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import java.util.Map;

/** Renders a {@link FlowReport} as plain text for a person. */
final class ReportText {

    private ReportText() {
    }

    static String render(FlowReport report) {
        StringBuilder text = new StringBuilder();
        connector(text, report);
        discovery(text, report);
        onboarding(text, report);
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
                text.append(String.format("  %s %s: %s %s%n", instance.region(), instance.instanceId(),
                    instance.status(), instance.detail()));
            }
        }
    }
}
