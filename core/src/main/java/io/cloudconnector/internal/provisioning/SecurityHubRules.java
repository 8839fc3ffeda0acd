package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;

/**
 * Per region: Security Hub enabled (without its default standards, so that only the chosen one is added) and the
 * chosen CIS AWS Foundations Benchmark version subscribed. A subscription of the chosen version in any state counts:
 * one that failed is for a person to look at, not to be enabled again blindly.
 */
final class SecurityHubRules {

    static final String HUB_RESOURCE = "securityhub/hub";

    private SecurityHubRules() {
    }

    static void plan(Context context, String region, Gathered<SecurityHubFacts> hub, Draft draft) {
        if (!hub.ok()) {
            draft.unreadable(region, HUB_RESOURCE, hub);
            return;
        }
        if (!hub.value().enabled()) {
            draft.add(Kind.CREATE, Operation.ENABLE_SECURITY_HUB, region, HUB_RESOURCE,
                "Enable Security Hub in " + region + " without its default standards",
                "Security Hub is not enabled in " + region);
            standard(context, region, draft, "Security Hub is being enabled in " + region + " without standards");
            return;
        }
        boolean subscribed = hub.value().standards().stream().map(StandardSubscription::standardsArn)
            .anyMatch(context::isChosenCis);
        if (!subscribed) {
            standard(context, region, draft, hub.value().standards().isEmpty()
                ? "No standard is enabled in " + region
                : "The enabled standards in " + region + " are " + String.join(", ", hub.value().standards().stream()
                    .map(s -> s.standardsArn().substring(s.standardsArn().indexOf('/') + 1)).toList())
                    + ", not CIS " + context.options().cisVersion());
        }
    }

    private static void standard(Context context, String region, Draft draft, String reason) {
        String arn = context.cisStandardsArn(region);
        draft.add(Kind.CREATE, Operation.ENABLE_STANDARD, region, context.cisResource(),
            "Subscribe the CIS AWS Foundations Benchmark v" + context.options().cisVersion() + " in " + region,
            reason, Parameters.STANDARDS_ARN, arn);
    }
}
