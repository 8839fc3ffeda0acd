package io.cloudconnector.internal.fleet;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.FleetListener;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.Secret;
import io.cloudconnector.SentCommand;
import io.cloudconnector.Violation;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.RunCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboards the eligible instances of a discovery to Azure Arc: plans the batches, sends one Run Command per batch
 * (regions in parallel, batches of a region one after the other), then waits for every instance's result. A command
 * that cannot be sent marks its instances {@link OnboardingStatus#NOT_SENT} and its region failed; the other batches
 * and regions go on. Re-running is safe: Connected instances are not eligible, failed ones are again.
 */
public final class OnboardingService {

    /** SSM's limit for a command's comment. */
    static final int MAX_COMMENT_CHARS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(OnboardingService.class);

    private final FleetPort fleet;
    private final InvocationPoller poller;
    private final int parallelism;

    /** A service over {@code fleet} that really waits between polls. */
    public OnboardingService(FleetPort fleet) {
        this(fleet, RegionFanOut.DEFAULT_PARALLELISM);
    }

    /** A service over {@code fleet} that really waits between polls, onboarding {@code parallelism} regions at once. */
    public OnboardingService(FleetPort fleet, int parallelism) {
        this(fleet, Clock.systemUTC(), Pause.SLEEP, parallelism);
    }

    /** A service over {@code fleet} reading time from {@code clock}, waiting with {@code pause}. */
    public OnboardingService(FleetPort fleet, Clock clock, Pause pause, int parallelism) {
        this.fleet = fleet;
        this.poller = new InvocationPoller(fleet, clock, pause);
        this.parallelism = parallelism;
    }

    /**
     * Onboards the eligible instances of {@code discovery}.
     *
     * @throws InvalidSpecException when the spec has no Arc settings
     */
    public OnboardingResult onboard(ConnectorSpec spec, DiscoveryResult discovery, OnboardingOptions options,
        FleetListener listener) {
        ArcSettings arc = spec.arc().orElseThrow(() -> new InvalidSpecException(List.of(
            Violation.of("arc", "must be set to onboard EC2 instances to Azure Arc", "empty"))));
        String correlationId = UUID.randomUUID().toString();
        OnboardingResult.Builder result = OnboardingResult.builder().correlationId(correlationId);
        if (!arc.autoProvision()) {
            discovery.regions().forEach(region -> result.addRegions(announce(listener, skipped(region.region(),
                "Azure Arc auto-provisioning is off in the spec (arc.autoProvision)"))));
            return result.build();
        }

        // Plan the batches, then work on the regions that have some, in parallel.
        Map<String, List<PlannedBatch>> batches = BatchPlanner.plan(discovery.instances()).stream()
            .collect(Collectors.groupingBy(PlannedBatch::region, LinkedHashMap::new, Collectors.toList()));
        Map<String, RegionOutcome<RegionWork>> outcomes = RegionFanOut.run(new ArrayList<>(batches.keySet()),
            parallelism, region -> onboardRegion(spec, region, batches.get(region), options, correlationId,
                listener));

        // Report every region of the discovery, and any region only its instances name.
        Map<String, RegionDiscovery> regions = new LinkedHashMap<>();
        discovery.regions().forEach(region -> regions.put(region.region(), region));
        batches.keySet().forEach(region -> regions.putIfAbsent(region, RegionDiscovery.builder().region(region)
            .status(RegionDiscovery.Status.OK).build()));
        regions.values().forEach(region -> addRegion(result, region, outcomes.get(region.region()),
            batches.get(region.region()), listener));
        return result.build();
    }

    private static void addRegion(OnboardingResult.Builder result, RegionDiscovery region,
        RegionOutcome<RegionWork> outcome, List<PlannedBatch> batches, FleetListener listener) {
        if (outcome == null) {
            result.addRegions(announce(listener, region.status() == RegionDiscovery.Status.OK ? ok(region.region())
                : skipped(region.region(), "discovery " + region.status().name().toLowerCase(Locale.ROOT)
                    + region.cause().map(cause -> ": " + cause).orElse(""))));
        } else if (outcome.succeeded()) {
            result.addRegions(outcome.value().region()).addAllCommands(outcome.value().commands())
                .addAllInstances(outcome.value().instances());
        } else {
            result.addRegions(announce(listener, failed(region.region(), outcome.cause())))
                .addAllInstances(unknown(batches, outcome.cause(), listener));
        }
    }

    private RegionWork onboardRegion(ConnectorSpec spec, String region, List<PlannedBatch> batches,
        OnboardingOptions options, String correlationId, FleetListener listener) {
        ArcInstallScript script = new ArcInstallScript(spec, region, options.azureCloud(), correlationId);
        Map<InstancePlatform, List<String>> scripts = new EnumMap<>(InstancePlatform.class);
        List<SentCommand> sent = new ArrayList<>();
        List<InstanceOnboarding> outcomes = new ArrayList<>();
        List<String> sendFailures = new ArrayList<>();
        for (PlannedBatch batch : batches) {
            List<String> lines = scripts.computeIfAbsent(batch.platform(), script::forPlatform);
            try {
                String commandId = fleet.sendCommand(spec, region, runCommand(spec, batch, lines, options));
                SentCommand command = SentCommand.builder().commandId(commandId).region(region)
                    .platform(batch.platform()).documentName(batch.documentName()).instanceIds(batch.instanceIds())
                    .build();
                LOG.info("Sent Azure Arc onboarding command {} ({}) to {} instances of account {} in {}", commandId,
                    batch.documentName(), batch.instanceIds().size(), spec.awsAccountId(), region);
                sent.add(command);
                listener.batchSent(command);
            } catch (ConnectorException e) {
                LOG.warn("Could not send the Azure Arc onboarding command to {} instances of account {} in {}: {}",
                    batch.instanceIds().size(), spec.awsAccountId(), region, e.getMessage());
                sendFailures.add(e.getMessage());
                outcomes.addAll(notSent(batch, e.getMessage(), listener));
            }
        }

        UnaryOperator<String> redact = redactor(spec.arc().orElseThrow().servicePrincipalSecret());
        outcomes.addAll(poller.await(spec, region, sent, options.pollInterval(), options.deadline(), redact,
            outcome -> report(listener, outcome)));
        RegionOnboarding regionResult = sendFailures.isEmpty() ? ok(region) : failed(region, "ssm:SendCommand failed "
            + "for " + sendFailures.size() + " of " + batches.size() + " batches: " + sendFailures.get(0));
        listener.regionOnboarded(regionResult);
        return new RegionWork(regionResult, sent, outcomes);
    }

    private static RunCommand runCommand(ConnectorSpec spec, PlannedBatch batch, List<String> lines,
        OnboardingOptions options) {
        String comment = "Azure Arc onboarding for connector " + spec.displayName();
        return RunCommand.builder()
            .documentName(batch.documentName())
            .instanceIds(batch.instanceIds())
            .commands(lines)
            .maxConcurrency(options.maxConcurrency())
            .maxErrors(options.maxErrors())
            .executionTimeout(options.executionTimeout())
            .comment(comment.length() > MAX_COMMENT_CHARS ? comment.substring(0, MAX_COMMENT_CHARS) : comment)
            .build();
    }

    private static void report(FleetListener listener, InstanceOnboarding outcome) {
        if (outcome.succeeded()) {
            listener.instanceOnboarded(outcome);
        } else {
            listener.instanceFailed(outcome);
        }
    }

    private static List<InstanceOnboarding> notSent(PlannedBatch batch, String cause, FleetListener listener) {
        return batch.instanceIds().stream().map(id -> {
            InstanceOnboarding outcome = InstanceOnboarding.builder().instanceId(id).region(batch.region())
                .status(OnboardingStatus.NOT_SENT).detail(cause).errorTail("").build();
            listener.instanceFailed(outcome);
            return outcome;
        }).toList();
    }

    private static List<InstanceOnboarding> unknown(List<PlannedBatch> batches, String cause,
        FleetListener listener) {
        List<InstanceOnboarding> outcomes = new ArrayList<>();
        for (PlannedBatch batch : batches) {
            for (String id : batch.instanceIds()) {
                InstanceOnboarding outcome = InstanceOnboarding.builder().instanceId(id).region(batch.region())
                    .status(OnboardingStatus.UNKNOWN).detail("the region's onboarding stopped: " + cause)
                    .errorTail("").build();
                listener.instanceFailed(outcome);
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** Masks the secret, should a script or agent ever print it. */
    private static UnaryOperator<String> redactor(Secret secret) {
        String raw = secret.reveal();
        return text -> raw.isEmpty() ? text : text.replace(raw, Secret.MASK);
    }

    private static RegionOnboarding announce(FleetListener listener, RegionOnboarding region) {
        listener.regionOnboarded(region);
        return region;
    }

    private static RegionOnboarding ok(String region) {
        return RegionOnboarding.builder().region(region).status(RegionOnboarding.Status.OK).build();
    }

    private static RegionOnboarding skipped(String region, String cause) {
        return RegionOnboarding.builder().region(region).status(RegionOnboarding.Status.SKIPPED).cause(cause).build();
    }

    private static RegionOnboarding failed(String region, String cause) {
        return RegionOnboarding.builder().region(region).status(RegionOnboarding.Status.FAILED).cause(cause).build();
    }

    /** What one region's work produced. */
    private record RegionWork(RegionOnboarding region, List<SentCommand> commands, List<InstanceOnboarding> instances) {
    }
}
