package io.cloudconnector.internal.fleet;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.SentCommand;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.FleetPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Waits for the per-instance results of the commands sent in one region, until each is terminal or the deadline
 * passes. {@code Pending}, {@code InProgress}, {@code Delayed} and {@code Cancelling} keep polling, as does an empty
 * answer (SSM's {@code InvocationDoesNotExist} right after {@code SendCommand}); {@code Success}, {@code Failed},
 * {@code TimedOut}, {@code Cancelled} and the {@code Undeliverable} detail end it.
 */
public final class InvocationPoller {

    private final FleetPort fleet;
    private final Clock clock;
    private final Pause pause;

    /** A poller over {@code fleet} that reads time from {@code clock} and waits with {@code pause}. */
    public InvocationPoller(FleetPort fleet, Clock clock, Pause pause) {
        this.fleet = fleet;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Polls every instance of {@code sent} every {@code interval} (a round starts one interval after the previous
     * one started, so that the time a round takes does not stretch the interval) until all are terminal or
     * {@code deadline} has passed; {@code done} hears each outcome as it ends. Output is passed through
     * {@code redact} before it is kept.
     *
     * @return one outcome per instance, in the order of {@code sent}
     */
    public List<InstanceOnboarding> await(ConnectorSpec spec, String region, List<SentCommand> sent, Duration interval,
        Duration deadline, UnaryOperator<String> redact, Consumer<InstanceOnboarding> done) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        sent.forEach(command -> command.instanceIds().forEach(
            id -> pending.put(command.commandId() + "/" + id, new Pending(command.commandId(), id))));
        Map<String, InstanceOnboarding> outcomes = new LinkedHashMap<>();
        pending.keySet().forEach(key -> outcomes.put(key, null));
        Instant stopAt = clock.instant().plus(deadline);
        Round round = new Round(spec, region, redact, pending, outcomes, done);
        Instant roundStart = clock.instant();
        while (!pending.isEmpty()) {
            // Rounds start every interval, whatever a round took (a round that overran starts the next at once).
            Duration wait = Duration.between(clock.instant(), roundStart.plus(interval));
            if (!waitFor(wait.isNegative() ? Duration.ZERO : wait)) {
                round.endAll(OnboardingStatus.UNKNOWN, "interrupted while waiting for the result");
                break;
            }
            roundStart = clock.instant();
            round.pollAll();
            if (!pending.isEmpty() && !clock.instant().isBefore(stopAt)) {
                round.endAll(OnboardingStatus.DEADLINE_EXCEEDED, "no result after " + deadline);
            }
        }
        return new ArrayList<>(outcomes.values());
    }

    private boolean waitFor(Duration interval) {
        try {
            pause.pause(interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The terminal outcome an invocation stands for, or empty while SSM is still working on it. */
    static Optional<OnboardingStatus> terminalStatus(CommandInvocation invocation) {
        if ("Undeliverable".equalsIgnoreCase(invocation.statusDetails())
            || "Undeliverable".equalsIgnoreCase(invocation.status())) {
            return Optional.of(OnboardingStatus.UNDELIVERABLE);
        }
        return switch (invocation.status()) {
            case "Success" -> Optional.of(OnboardingStatus.SUCCEEDED);
            case "Failed" -> Optional.of(OnboardingStatus.FAILED);
            case "TimedOut" -> Optional.of(OnboardingStatus.TIMED_OUT);
            case "Cancelled" -> Optional.of(OnboardingStatus.CANCELLED);
            default -> Optional.empty();
        };
    }

    /** The last {@link InstanceOnboarding#ERROR_TAIL_CHARS} characters of the error output, else of the output. */
    static String errorTail(CommandInvocation invocation) {
        String text = invocation.standardError().isBlank() ? invocation.standardOutput() : invocation.standardError();
        String trimmed = text.strip();
        int from = Math.max(0, trimmed.length() - InstanceOnboarding.ERROR_TAIL_CHARS);
        return trimmed.substring(from);
    }

    /** One instance still waited for, and what SSM last said about it. */
    private static final class Pending {

        private final String commandId;
        private final String instanceId;
        private String lastSeen = "not yet known to SSM (InvocationDoesNotExist)";

        Pending(String commandId, String instanceId) {
            this.commandId = commandId;
            this.instanceId = instanceId;
        }
    }

    /** The state shared by the polling rounds of one region. */
    private final class Round {

        private final ConnectorSpec spec;
        private final String region;
        private final UnaryOperator<String> redact;
        private final Map<String, Pending> pending;
        private final Map<String, InstanceOnboarding> outcomes;
        private final Consumer<InstanceOnboarding> done;

        Round(ConnectorSpec spec, String region, UnaryOperator<String> redact, Map<String, Pending> pending,
            Map<String, InstanceOnboarding> outcomes, Consumer<InstanceOnboarding> done) {
            this.spec = spec;
            this.region = region;
            this.redact = redact;
            this.pending = pending;
            this.outcomes = outcomes;
            this.done = done;
        }

        void pollAll() {
            for (Map.Entry<String, Pending> entry : new ArrayList<>(pending.entrySet())) {
                poll(entry.getKey(), entry.getValue());
            }
        }

        private void poll(String key, Pending item) {
            Optional<CommandInvocation> invocation;
            try {
                invocation = fleet.invocation(spec, region, item.commandId, item.instanceId);
            } catch (ConnectorException e) {
                if (e.retryable()) {
                    item.lastSeen = "reading the result failed, retrying: " + e.getMessage();
                } else {
                    end(key, item, OnboardingStatus.UNKNOWN, "reading the result failed: " + e.getMessage(), "");
                }
                return;
            }
            if (invocation.isEmpty()) {
                return;
            }
            CommandInvocation result = invocation.orElseThrow();
            String seen = result.status() + " (" + result.statusDetails() + ")";
            Optional<OnboardingStatus> terminal = terminalStatus(result);
            if (terminal.isPresent()) {
                String tail = terminal.orElseThrow() == OnboardingStatus.SUCCEEDED ? "" : errorTail(result);
                end(key, item, terminal.orElseThrow(), seen, tail);
            } else {
                item.lastSeen = seen;
            }
        }

        void endAll(OnboardingStatus status, String why) {
            for (Map.Entry<String, Pending> entry : new ArrayList<>(pending.entrySet())) {
                end(entry.getKey(), entry.getValue(), status, why + "; last seen: " + entry.getValue().lastSeen, "");
            }
        }

        private void end(String key, Pending item, OnboardingStatus status, String detail, String tail) {
            pending.remove(key);
            InstanceOnboarding outcome = InstanceOnboarding.builder()
                .instanceId(item.instanceId)
                .region(region)
                .commandId(item.commandId)
                .status(status)
                .detail(redact.apply(detail))
                .errorTail(redact.apply(tail))
                .build();
            outcomes.put(key, outcome);
            done.accept(outcome);
        }
    }
}
