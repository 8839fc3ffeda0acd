package io.cloudconnector.internal.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.AccountReport;
import io.cloudconnector.FleetReport;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SeverityLabel;
import java.util.Map;

/** Renders a {@link FleetReport} as a JSON object for tools; see {@link FleetReport#toJson()} for the fields. */
public final class FleetJson {

    private FleetJson() {
    }

    /** The report as indented JSON. */
    public static String render(FleetReport report) {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        root.put("administratorAccountId", report.administratorAccountId());
        root.put("startedAt", report.startedAt().toString());
        root.put("duration", report.duration().toString());
        root.put("maxConcurrentCalls", report.maxConcurrentCalls());
        root.put("peakConcurrentCalls", report.peakConcurrentCalls());
        totals(root.putObject("totals"), report);
        ArrayNode accounts = root.putArray("accounts");
        for (AccountReport account : report.accounts()) {
            ObjectNode node = ReportJson.tree(account);
            severities(node.putObject("findingsBySeverity"), report.findingsBySeverity(account.accountId()));
            accounts.add(node);
        }
        ArrayNode excluded = root.putArray("excludedMembers");
        report.excludedMembers().forEach(member -> excluded.addObject().put("accountId", member.accountId())
            .put("status", member.status()));
        findings(root.putObject("findings"), report);
        return ReportJson.text(root);
    }

    private static void totals(ObjectNode totals, FleetReport report) {
        totals.put("accounts", report.accounts().size());
        for (AccountReport.Outcome outcome : AccountReport.Outcome.values()) {
            totals.put(outcome.name(), report.accounts(outcome).size());
        }
        ObjectNode instances = totals.putObject("instancesByVerdict");
        for (Map.Entry<OnboardingVerdict, Integer> entry : report.instancesByVerdict().entrySet()) {
            instances.put(entry.getKey().name(), entry.getValue());
        }
        severities(totals.putObject("findingsBySeverity"), report.findingsBySeverity());
    }

    private static void findings(ObjectNode findings, FleetReport report) {
        findings.put("read", report.findingsRead());
        report.findingsFailure().ifPresent(failure -> findings.put("failure", failure));
        ObjectNode failedRegions = findings.putObject("failedRegions");
        report.findingsFailedRegions().forEach(failedRegions::put);
        ObjectNode outside = findings.putObject("outsideFleet");
        report.accountsOutsideFleet().forEach(account -> severities(outside.putObject(account),
            report.findingsBySeverity(account)));
    }

    private static void severities(ObjectNode node, Map<SeverityLabel, Long> counts) {
        for (SeverityLabel label : SeverityLabel.values()) {
            node.put(label.name(), counts.getOrDefault(label, 0L));
        }
    }
}
