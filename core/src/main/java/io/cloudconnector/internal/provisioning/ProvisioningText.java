package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import java.util.Optional;

/** Renders a {@link ProvisioningPlan} and a {@link ProvisioningResult} as text for people, like a Terraform plan. */
public final class ProvisioningText {

    private static final String INDENT = "      ";

    private ProvisioningText() {
    }

    /** The headline, then each action and each conflict with what, where and why. */
    public static String plan(ProvisioningPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Provisioning plan for AWS account ").append(plan.accountId())
            .append(plan.servicePrincipalName().isPresent() ? " and Azure subscription " + plan.spec().subscriptionId()
                : "").append(": ")
            .append(plan.actions(ProvisioningAction.Kind.CREATE).size()).append(" to create, ")
            .append(plan.actions(ProvisioningAction.Kind.CHANGE).size()).append(" to change, ")
            .append(plan.conflicts().size()).append(plan.conflicts().size() == 1 ? " conflict" : " conflicts")
            .append(" (planned at ").append(plan.plannedAt()).append(")\n");
        if (plan.isEmpty()) {
            out.append("No changes: the account already has everything the plan covers.\n");
        }
        for (ProvisioningAction action : plan.actions()) {
            out.append('\n');
            action(out, action);
        }
        for (ProvisioningConflict conflict : plan.conflicts()) {
            out.append('\n').append("! conflict ").append(conflict.resource())
                .append(where(conflict.resource(), conflict.region()))
                .append('\n');
            lines(out, "", conflict.description());
            lines(out, "resolve by hand: ", conflict.resolution());
        }
        plan.roleArn().ifPresent(arn -> out.append("\nConnector role: ").append(arn).append('\n'));
        plan.servicePrincipalName().ifPresent(name -> out.append("\nArc onboarding: service principal ").append(name)
            .append(", resource group ").append(plan.arcResourceGroup().orElseThrow()).append(" in ")
            .append(plan.arcRegion().orElseThrow()).append('\n'));
        return out.toString();
    }

    /** The headline, then each action with its status, and the cause under a failed one. */
    public static String result(ProvisioningResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Provisioning of AWS account ").append(result.accountId())
            .append(result.succeeded() ? " succeeded: " : " stopped at a failure: ")
            .append(result.outcomes(Status.DONE).size()).append(" done, ")
            .append(result.outcomes(Status.ALREADY_DONE).size()).append(" already done, ")
            .append(result.outcomes(Status.FAILED).size()).append(" failed, ")
            .append(result.outcomes(Status.NOT_ATTEMPTED).size()).append(" not attempted (finished at ")
            .append(result.finishedAt()).append(")\n");
        for (ProvisioningOutcome outcome : result.outcomes()) {
            ProvisioningAction action = outcome.action();
            out.append(String.format("%-13s ", outcome.status())).append(symbol(action)).append(' ')
                .append(action.resource()).append(where(action.resource(), action.region())).append(": ")
                .append(oneLine(action.description())).append('\n');
            outcome.cause().ifPresent(cause -> lines(out, "cause: ", cause));
        }
        result.roleArn().ifPresent(arn -> out.append("Connector role: ").append(arn).append('\n'));
        result.accessKey().ifPresent(key -> out.append("Access key created: ").append(key.accessKeyId())
            .append("; its secret is returned once by ProvisioningResult.accessKey() and is not shown\n"));
        result.servicePrincipal().ifPresent(sp -> out.append("Client secret created for the Arc onboarding service "
            + "principal, client ID ").append(sp.clientId()).append(", expiring at ").append(sp.expiresAt())
            .append("; it is returned once by ProvisioningResult.servicePrincipal() and is not shown\n"));
        return out.toString();
    }

    private static void action(StringBuilder out, ProvisioningAction action) {
        out.append(symbol(action)).append(' ').append(action.resource()).append(where(action.resource(),
            action.region())).append('\n');
        lines(out, "", action.description());
        lines(out, "why: ", action.reason());
    }

    private static String symbol(ProvisioningAction action) {
        return action.kind() == ProvisioningAction.Kind.CREATE ? "+ create" : "~ change";
    }

    /** The region, or {@code (account)} for the AWS account's global resources; nothing for the Azure side's. */
    private static String where(String resource, Optional<String> region) {
        if (ArcOnboarding.isAzureResource(resource)) {
            return "";
        }
        return region.map(r -> " (" + r + ")").orElse(" (account)");
    }

    private static void lines(StringBuilder out, String label, String text) {
        String prefix = label;
        for (String line : text.split("\n")) {
            out.append(INDENT).append(prefix).append(line).append('\n');
            prefix = " ".repeat(label.length());
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
