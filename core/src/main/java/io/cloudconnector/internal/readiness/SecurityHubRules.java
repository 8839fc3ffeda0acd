package io.cloudconnector.internal.readiness;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.util.List;
import java.util.Optional;

/**
 * Check 4, per region: Security Hub is enabled ("not subscribed" is a FAIL), findings are flowing (else a WARN, as
 * they can take hours to appear), and a CIS AWS Foundations Benchmark subscription is READY (else a WARN).
 */
final class SecurityHubRules {

    private static final String CIS = "/cis-aws-foundations-benchmark/";
    private static final String READY = "READY";
    private static final String CIS_VERSION = "v/3.0.0";

    private SecurityHubRules() {
    }

    static List<ReadinessCheck> evaluate(String region, Gathered<SecurityHubFacts> facts) {
        Where where = Where.region(region);
        if (!facts.ok()) {
            return List.of(Failures.error(CheckType.HUB_ENABLED, where, facts));
        }
        SecurityHubFacts hub = facts.value();
        if (!hub.enabled()) {
            return List.of(CheckType.HUB_ENABLED.fail(where,
                "Security Hub is not enabled in " + region + " (the account is not subscribed)",
                "Security Hub console (region " + region + ") > Go to Security Hub > Enable Security Hub, or\n"
                    + "aws securityhub enable-security-hub --region " + region + " --enable-default-standards"));
        }
        return List.of(
            CheckType.HUB_ENABLED.pass(where, "Hub " + hub.hubArn().orElse("(no ARN reported)") + " is enabled"),
            findings(where, hub),
            cis(where, hub.standards()));
    }

    private static ReadinessCheck findings(Where where, SecurityHubFacts hub) {
        if (hub.hasFindings()) {
            return CheckType.HUB_FINDINGS.pass(where, "Security Hub has findings in " + where.region());
        }
        return CheckType.HUB_FINDINGS.warn(where,
            "Security Hub has no findings in " + where.region() + " yet; they can take several hours to appear after "
                + "Security Hub and its standards are enabled",
            "Check again in a few hours; if none appear within a day, make sure standards are enabled: Security Hub "
                + "console (region " + where.region() + ") > Security standards");
    }

    private static ReadinessCheck cis(Where where, List<StandardSubscription> standards) {
        Optional<StandardSubscription> ready = standards.stream()
            .filter(s -> s.standardsArn().contains(CIS) && READY.equals(s.status())).findFirst();
        if (ready.isPresent()) {
            return CheckType.HUB_CIS.pass(where, ready.get().standardsArn() + " is " + READY);
        }
        Optional<StandardSubscription> other = standards.stream().filter(s -> s.standardsArn().contains(CIS))
            .findFirst();
        if (other.isPresent()) {
            return CheckType.HUB_CIS.warn(where, other.get().standardsArn() + " is " + other.get().status()
                    + ", not " + READY,
                "Wait until the subscription is READY; if it is FAILED or INCOMPLETE, disable and enable it again: "
                    + "Security Hub console (region " + where.region() + ") > Security standards");
        }
        return CheckType.HUB_CIS.warn(where,
            "None of the " + standards.size() + " enabled standards is the CIS AWS Foundations Benchmark",
            "Security Hub console (region " + where.region() + ") > Security standards > CIS AWS Foundations Benchmark"
                + " > Enable, or\naws securityhub batch-enable-standards --region " + where.region()
                + " --standards-subscription-requests StandardsArn=arn:aws:securityhub:" + where.region()
                + "::standards/cis-aws-foundations-benchmark/" + CIS_VERSION);
    }
}
