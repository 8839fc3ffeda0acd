package io.cloudconnector;

import io.cloudconnector.internal.accounts.AccountSteps;
import java.time.Clock;
import java.util.Objects;

/**
 * The unit of work of a fleet: every step for one account, as a function of its spec alone. Nothing is shared
 * between two accounts' runs, so a host may run them anywhere: hand each machine a spec as JSON
 * ({@link SpecJson#writeRevealingSecrets(ConnectorSpec)}, read back with {@link SpecJson#read(String)}), run it
 * there, and send back {@link AccountReport#toJson()} for {@link AccountFleet#report(java.util.List, FleetOptions)}.
 */
public final class AccountRun {

    private AccountRun() {
    }

    /**
     * Runs the steps of {@code options} for the spec's account, in order: readiness, connect, discover, onboard
     * (onboarding only after discovery, and only when the spec has Azure Arc settings). Findings are not read here:
     * a fleet reads them once, from the administrator account.
     *
     * <p>Cloud errors do not throw. When the readiness check finds that the spec's credentials do not work (the role
     * cannot be assumed, or the keys belong to another account), or when a step throws, the run ends
     * {@link AccountReport.Outcome#FAILED} with the step and the cause; when the account is not ready and
     * {@link FleetOptions#continueWhenNotReady()} is off, it ends {@link AccountReport.Outcome#NOT_READY} after the
     * readiness check. Calls go through {@code client}, with its parallelism: at most 8 regions at a time per step.
     *
     * @throws NullPointerException when an argument is null
     */
    public static AccountReport run(ConnectorClient client, ConnectorSpec spec, FleetOptions options) {
        return new AccountSteps(Objects.requireNonNull(client, "client"), Objects.requireNonNull(spec, "spec"),
            Objects.requireNonNull(options, "options"), Clock.systemUTC()).run();
    }
}
