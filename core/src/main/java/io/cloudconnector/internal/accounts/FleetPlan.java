package io.cloudconnector.internal.accounts;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.MemberAccount;
import java.util.List;

/**
 * The accounts of a fleet: one spec per account, the administrator's first; every member Security Hub listed; and
 * the members that got no spec.
 */
public record FleetPlan(List<ConnectorSpec> specs, List<MemberAccount> members, List<MemberAccount> excluded) {

    /** Copies the lists. */
    public FleetPlan {
        specs = List.copyOf(specs);
        members = List.copyOf(members);
        excluded = List.copyOf(excluded);
    }

    /** The administrator's spec. */
    public ConnectorSpec administrator() {
        return specs.get(0);
    }
}
