package io.cloudconnector.internal.readiness;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.spi.RegionInfo;
import java.util.ArrayList;
import java.util.List;

/** Check 2: which regions are checked; a spec region that is not enabled for the account is a FAIL for it. */
final class RegionRules {

    private RegionRules() {
    }

    static List<ReadinessCheck> evaluate(ConnectorSpec spec, List<RegionInfo> known, List<SelectedRegion> selected) {
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(summary(spec, selected));
        for (SelectedRegion region : selected) {
            if (!region.enabled()) {
                checks.add(notEnabled(known, region));
            }
        }
        return checks;
    }

    /** The ERROR check when the account's regions could not be listed; then no region can safely be called. */
    static ReadinessCheck unknown(ConnectorSpec spec, Gathered<?> regions) {
        return Failures.error(CheckType.REGIONS, Where.account(spec.awsAccountId()), regions);
    }

    private static ReadinessCheck summary(ConnectorSpec spec, List<SelectedRegion> selected) {
        Where account = Where.account(spec.awsAccountId());
        List<String> enabled = RegionSelection.enabled(selected);
        if (enabled.isEmpty()) {
            return CheckType.REGIONS.fail(account, "None of the spec's regions " + spec.regions()
                + " is enabled for the account; no region was checked",
                "Name enabled regions in the spec, or enable them (AWS console > Account > AWS Regions)");
        }
        String which = spec.regions().isEmpty() ? "every enabled region, as the spec names none" : "the spec's regions";
        return CheckType.REGIONS.pass(account, "Checking " + which + ": " + String.join(", ", enabled));
    }

    private static ReadinessCheck notEnabled(List<RegionInfo> known, SelectedRegion region) {
        Where where = Where.region(region.region());
        boolean offered = known.stream().anyMatch(info -> info.name().equals(region.region()));
        String evidence = region.region() + " is " + region.reason() + "; it was not called";
        if (!offered) {
            return CheckType.REGION_ENABLED.fail(where, evidence,
                "Correct the region code in the spec: " + region.region() + " is not a region of this account");
        }
        return CheckType.REGION_ENABLED.fail(where, evidence,
            "Enable the region (AWS console > Account > AWS Regions > " + region.region() + " > Enable, or "
                + "aws account enable-region --region-name " + region.region() + "), or remove it from the spec");
    }
}
