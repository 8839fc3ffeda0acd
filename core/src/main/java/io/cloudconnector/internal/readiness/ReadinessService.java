package io.cloudconnector.internal.readiness;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionReadiness;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the readiness check of one spec: gathers the account's facts through the AWS side (identity, IAM, regions,
 * then every enabled region in parallel), applies the rules, and builds the report. A fact that cannot be gathered
 * becomes an ERROR check; nothing is thrown for a cloud error. Thread-safe.
 */
public final class ReadinessService {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessService.class);

    private final AwsSide aws;
    private final int parallelism;
    private final Clock clock;

    /** A service over {@code aws}, checking {@link RegionFanOut#DEFAULT_PARALLELISM} regions at once. */
    public ReadinessService(AwsSide aws) {
        this(aws, RegionFanOut.DEFAULT_PARALLELISM, Clock.systemUTC());
    }

    /** A service over {@code aws}, checking {@code parallelism} regions at once. */
    public ReadinessService(AwsSide aws, int parallelism) {
        this(aws, parallelism, Clock.systemUTC());
    }

    ReadinessService(AwsSide aws, int parallelism, Clock clock) {
        this.aws = aws;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** Checks {@code spec}'s account and returns the report; cloud errors become ERROR checks. */
    public ReadinessReport check(ConnectorSpec spec) {
        LOG.info("Checking readiness of AWS account {}", spec.awsAccountId());
        ReadinessReport report = evaluate(spec);
        LOG.info("AWS account {} is {}: {} checks, {} failed, {} could not be run", spec.awsAccountId(),
            report.verdict(), report.checks().size(), report.checks(ReadinessCheck.Status.FAIL).size(),
            report.checks(ReadinessCheck.Status.ERROR).size());
        return report;
    }

    private ReadinessReport evaluate(ConnectorSpec spec) {
        AccountPort account = aws.account();
        Gathered<CallerIdentity> identity = Gathered.of(() -> account.callerIdentity(spec));
        List<ReadinessCheck> checks = new ArrayList<>(CredentialRules.evaluate(spec, identity));
        if (!CredentialRules.usable(spec, identity)) {
            return report(spec, checks, List.of());
        }
        checks.addAll(iam(spec, account, identity.value()));

        // Only enabled regions are called: elsewhere AWS answers AuthFailure, which reads like bad credentials.
        Gathered<List<RegionInfo>> known = Gathered.of(() -> account.regions(spec));
        if (!known.ok()) {
            checks.add(RegionRules.unknown(spec, known));
            return report(spec, checks, List.of());
        }
        List<SelectedRegion> selected = RegionSelection.select(spec, known.value());
        checks.addAll(RegionRules.evaluate(spec, known.value(), selected));
        Map<String, RegionFacts> facts = regionFacts(spec, RegionSelection.enabled(selected));
        facts.values().forEach(region -> checks.addAll(regionChecks(spec, region)));
        return report(spec, checks, regions(selected, facts, checks));
    }

    private List<ReadinessCheck> iam(ConnectorSpec spec, AccountPort account, CallerIdentity identity) {
        List<ReadinessCheck> checks = new ArrayList<>();
        if (spec.authentication() instanceof AwsAuthentication.AssumeRole role) {
            checks.addAll(RoleRules.evaluate(spec, Gathered.of(() -> account.role(spec, role.roleName()))));
        }
        Map<String, Gathered<Optional<IamPrincipalFacts>>> users = new LinkedHashMap<>();
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys) {
            Optional<String> user = UserRules.userName(identity.arn());
            if (user.isEmpty()) {
                checks.add(UserRules.notAUser(spec, identity.arn()));
            }
            user.ifPresent(name -> checks.add(UserRules.evaluate(CheckType.USER_POLICIES, spec, name,
                users.computeIfAbsent(name, n -> Gathered.of(() -> account.user(spec, n))))));
        }
        spec.onboardingUserName().ifPresent(name -> checks.add(UserRules.evaluate(CheckType.ONBOARDING_USER_POLICIES,
            spec, name, users.computeIfAbsent(name, n -> Gathered.of(() -> account.user(spec, n))))));
        return checks;
    }

    private Map<String, RegionFacts> regionFacts(ConnectorSpec spec, List<String> regions) {
        Map<String, RegionOutcome<RegionFacts>> outcomes =
            RegionFanOut.run(regions, parallelism, region -> RegionFacts.gather(aws, spec, region));
        Map<String, RegionFacts> facts = new LinkedHashMap<>();
        outcomes.forEach((region, outcome) -> facts.put(region, outcome.succeeded() ? outcome.value()
            : RegionFacts.failed(region, asRuntime(region, outcome.failure()))));
        return facts;
    }

    private static RuntimeException asRuntime(String region, Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime
            : new ConnectorException("Checking " + region + " failed: " + failure, failure);
    }

    private static List<ReadinessCheck> regionChecks(ConnectorSpec spec, RegionFacts facts) {
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.addAll(ConfigRules.evaluate(spec.awsAccountId(), facts.region(), facts.config()));
        checks.addAll(SecurityHubRules.evaluate(facts.region(), facts.securityHub()));
        checks.addAll(SsmCoverageRules.evaluate(facts.region(), facts.fleet()));
        return checks;
    }

    private static List<RegionReadiness> regions(List<SelectedRegion> selected, Map<String, RegionFacts> facts,
        List<ReadinessCheck> checks) {
        return selected.stream().map(region -> RegionReadiness.builder()
            .region(region.region())
            .enabled(region.enabled())
            .status(worst(checks, region.region()))
            .errors(facts.containsKey(region.region()) ? facts.get(region.region()).errors() : List.of())
            .build()).toList();
    }

    private static ReadinessCheck.Status worst(List<ReadinessCheck> checks, String region) {
        return checks.stream().filter(check -> check.region().filter(region::equals).isPresent())
            .map(ReadinessCheck::status).max(Comparator.naturalOrder()).orElse(ReadinessCheck.Status.PASS);
    }

    private ReadinessReport report(ConnectorSpec spec, List<ReadinessCheck> checks, List<RegionReadiness> regions) {
        return ReadinessReport.builder()
            .accountId(spec.awsAccountId())
            .checkedAt(clock.instant())
            .checks(checks)
            .regions(regions)
            .build();
    }
}
