package io.cloudconnector.internal;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.RegionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which regions of a spec may be called: the spec's regions (or, when it names none, every enabled region)
 * against what {@code ec2:DescribeRegions} reports. A region that is not enabled is never called: AWS answers
 * {@code AuthFailure} there, which looks like bad credentials.
 */
public final class RegionSelection {

    private RegionSelection() {
    }

    /** The regions to cover, in the spec's order (or the order AWS listed them), each enabled or not with why. */
    public static List<SelectedRegion> select(ConnectorSpec spec, List<RegionInfo> known) {
        if (spec.regions().isEmpty()) {
            return known.stream().filter(RegionInfo::enabled)
                .map(info -> new SelectedRegion(info.name(), true, "enabled (" + info.optInStatus() + ")"))
                .toList();
        }
        Map<String, RegionInfo> byName = known.stream()
            .collect(Collectors.toMap(RegionInfo::name, Function.identity(), (a, b) -> a));
        List<SelectedRegion> selected = new ArrayList<>();
        for (String region : spec.regions()) {
            RegionInfo info = byName.get(region);
            if (info == null) {
                selected.add(new SelectedRegion(region, false, "not offered to this account"));
            } else if (!info.enabled()) {
                selected.add(new SelectedRegion(region, false, "not enabled for this account (opt-in status "
                    + info.optInStatus() + ")"));
            } else {
                selected.add(new SelectedRegion(region, true, "enabled (" + info.optInStatus() + ")"));
            }
        }
        return selected;
    }

    /** The names of the enabled regions among {@code selected}. */
    public static List<String> enabled(List<SelectedRegion> selected) {
        return selected.stream().filter(SelectedRegion::enabled).map(SelectedRegion::region).toList();
    }

    /** One region of a spec: whether it may be called, and why. */
    public record SelectedRegion(String region, boolean enabled, String reason) {
    }
}
