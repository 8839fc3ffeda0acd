package io.cloudconnector.internal.accounts;

import io.cloudconnector.AccountReport;
import io.cloudconnector.AccountReport.Outcome;
import io.cloudconnector.AccountStep;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.FleetOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.internal.fleet.SafeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's run: the steps of the options in order, each step's outcome summarised into an {@link AccountReport}.
 * Whatever a step throws ends the run as FAILED at that step; nothing is thrown. Not thread-safe: one per run.
 */
public final class AccountSteps {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSteps.class);
    /** The readiness checks that say whether the spec's credentials work at all. */
    private static final Set<String> CREDENTIAL_CHECKS = Set.of("credentials", "credentials.assume-role");

    private final ConnectorClient client;
    private final ConnectorSpec spec;
    private final FleetOptions options;
    private final Clock clock;
    private final AccountReport.Builder report = AccountReport.builder();
    private final List<String> failedRegions = new ArrayList<>();
    private AccountStep current;

    /** A run of {@code spec}'s account through {@code client}, timed by {@code clock}. */
    public AccountSteps(ConnectorClient client, ConnectorSpec spec, FleetOptions options, Clock clock) {
        this.client = client;
        this.spec = spec;
        this.options = options;
        this.clock = clock;
    }

    /** Runs the steps and reports; never throws for a failed step. */
    public AccountReport run() {
        Instant startedAt = clock.instant();
        report.accountId(spec.awsAccountId()).displayName(spec.displayName()).startedAt(startedAt);
        Outcome outcome;
        try {
            outcome = steps();
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            report.failedStep(current).failure(describe(e));
            LOG.warn("AWS account {}: {} failed: {}", spec.awsAccountId(), current, describe(e));
        }
        AccountReport done = report.outcome(outcome).failedRegions(failedRegions)
            .duration(Duration.between(startedAt, clock.instant())).build();
        LOG.info("AWS account {}: {} in {}", spec.awsAccountId(), done.outcome(), done.duration());
        return done;
    }

    private Outcome steps() {
        if (options.runs(AccountStep.READINESS)) {
            Optional<Outcome> stop = readiness();
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        if (options.runs(AccountStep.CONNECT)) {
            current = AccountStep.CONNECT;
            ConnectResult connect = client.connect(spec, options.connectOptions());
            report.connectorChange(connect.change()).authenticationState(connect.status().authenticationState())
                .connectorHealthy(connect.status().healthy());
        }
        if (options.runs(AccountStep.DISCOVER)) {
            current = AccountStep.DISCOVER;
            DiscoveryResult discovery = client.discover(spec, options.supportedOs(), SafeListener.NONE);
            report.instancesByVerdict(discovery.countsByVerdict());
            discovery.failedRegions().forEach(region -> failedRegions.add(region.region() + ": discovery failed: "
                + region.cause().orElse("")));
            if (options.runs(AccountStep.ONBOARD) && spec.arc().isPresent()) {
                onboard(discovery);
            }
        }
        return Outcome.COMPLETED;
    }

    /** The readiness step; the outcome to stop with, when the run goes no further. */
    private Optional<Outcome> readiness() {
        current = AccountStep.READINESS;
        ReadinessReport readiness = client.checkReadiness(spec);
        List<ReadinessCheck> problems = new ArrayList<>(readiness.checks(ReadinessCheck.Status.FAIL));
        problems.addAll(readiness.checks(ReadinessCheck.Status.ERROR));
        report.readinessVerdict(readiness.verdict())
            .failedChecks(readiness.checks().stream().filter(problems::contains).map(ReadinessCheck::id).distinct()
                .toList());
        Optional<ReadinessCheck> credentials = readiness.checks().stream()
            .filter(check -> problems.contains(check) && CREDENTIAL_CHECKS.contains(check.id())).findFirst();
        if (credentials.isPresent()) {
            String cause = "the credentials do not work: " + credentials.get().evidence();
            report.failedStep(AccountStep.READINESS).failure(cause);
            LOG.warn("AWS account {}: {}", spec.awsAccountId(), cause);
            return Optional.of(Outcome.FAILED);
        }
        if (readiness.verdict() == ReadinessReport.Verdict.NOT_READY && !options.continueWhenNotReady()) {
            return Optional.of(Outcome.NOT_READY);
        }
        return Optional.empty();
    }

    private void onboard(DiscoveryResult discovery) {
        current = AccountStep.ONBOARD;
        OnboardingResult onboarding = client.onboard(spec, discovery, options.onboardingOptions());
        report.onboarded(onboarding.succeededCount()).onboardingFailed(onboarding.failedCount());
        onboarding.regions().stream().filter(region -> region.status() == RegionOnboarding.Status.FAILED)
            .forEach(region -> failedRegions.add(region.region() + ": onboarding failed: "
                + region.cause().orElse("")));
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
