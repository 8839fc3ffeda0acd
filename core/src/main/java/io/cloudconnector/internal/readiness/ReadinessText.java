package io.cloudconnector.internal.readiness;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionReadiness;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ReadinessReport} as plain-text tables for people. */
public final class ReadinessText {

    private static final String GAP = "  ";
    private static final String FIX = "fix: ";

    private ReadinessText() {
    }

    /** The headline, the table of checks (each remediation under its check) and the table of regions. */
    public static String render(ReadinessReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Readiness of AWS account ").append(report.accountId()).append(": ").append(report.verdict())
            .append('\n').append(summary(report)).append(" (checked at ").append(report.checkedAt()).append(")\n");
        if (!report.checks().isEmpty()) {
            out.append('\n');
            checks(out, report.checks());
        }
        if (!report.regions().isEmpty()) {
            out.append('\n');
            regions(out, report.regions());
        }
        return out.toString();
    }

    private static String summary(ReadinessReport report) {
        return report.checks().size() + " checks: " + report.checks(ReadinessCheck.Status.PASS).size() + " passed, "
            + report.checks(ReadinessCheck.Status.WARN).size() + " warned, "
            + report.checks(ReadinessCheck.Status.FAIL).size() + " failed, "
            + report.checks(ReadinessCheck.Status.ERROR).size() + " could not be run";
    }

    private static void checks(StringBuilder out, List<ReadinessCheck> checks) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "WHERE", "CHECK", "EVIDENCE"});
        checks.forEach(check -> rows.add(new String[] {check.status().name(), where(check), check.name(),
            oneLine(check.evidence())}));
        int[] widths = widths(rows);
        for (int i = 0; i < rows.size(); i++) {
            line(out, rows.get(i), widths);
            if (i > 0) {
                remediation(out, checks.get(i - 1), widths[0] + widths[1] + 2 * GAP.length());
            }
        }
    }

    private static void remediation(StringBuilder out, ReadinessCheck check, int indent) {
        if (check.remediation().isEmpty()) {
            return;
        }
        String prefix = FIX;
        for (String step : check.remediation().get().split("\n")) {
            out.append(" ".repeat(indent)).append(prefix).append(step).append('\n');
            prefix = " ".repeat(FIX.length());
        }
    }

    private static void regions(StringBuilder out, List<RegionReadiness> regions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REGION", "ENABLED", "STATUS", "ERRORS"});
        for (RegionReadiness region : regions) {
            List<String> errors = region.errors().isEmpty() ? List.of("") : region.errors();
            rows.add(new String[] {region.region(), region.enabled() ? "yes" : "no", region.status().name(),
                oneLine(errors.get(0))});
            errors.stream().skip(1).forEach(error -> rows.add(new String[] {"", "", "", oneLine(error)}));
        }
        int[] widths = widths(rows);
        rows.forEach(row -> line(out, row, widths));
    }

    private static String where(ReadinessCheck check) {
        return switch (check.scope()) {
            case ACCOUNT -> "account";
            case REGION -> check.target();
            case INSTANCE -> check.target() + " (" + check.region().orElse("") + ")";
        };
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.length; column++) {
            boolean last = column == row.length - 1;
            line.append(last ? row[column] : String.format("%-" + widths[column] + "s", row[column]) + GAP);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
