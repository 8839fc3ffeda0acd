package io.cloudconnector;

import io.cloudconnector.internal.fleet.SafeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rescans an AWS account periodically, as Defender for Cloud does: each run discovers the spec's EC2 instances, then
 * (when the spec has Arc settings) onboards the eligible ones to Azure Arc. Runs start every
 * {@link ConnectorSpec#rescanInterval()} (6 hours by default) from the first one; a run that takes longer than the
 * interval is followed by the next slot, so runs never overlap. A run that fails is reported to the listener
 * ({@link ScheduledRun#failure()}) and logged, and the next run still happens.
 *
 * <p>Runs happen on the host's {@link ScheduledExecutorService} when one is given (the scheduler never shuts it down),
 * else on a daemon thread of its own. {@link #close()} stops scheduling and waits for a run in flight, up to the close
 * timeout. Thread-safe.
 *
 * <pre>{@code
 * ConnectorScheduler scheduler = client.scheduler(spec).listener(myListener).start();
 * ...
 * scheduler.close();
 * }</pre>
 */
public final class ConnectorScheduler implements AutoCloseable {

    /** How long {@link #close()} waits for a run in flight by default: 2 minutes. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorScheduler.class);

    private final ConnectorClient client;
    private final ConnectorSpec spec;
    private final SupportedOsTable osTable;
    private final OnboardingOptions options;
    private final FleetListener listener;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;
    private final Duration closeTimeout;
    private final ReentrantLock runLock = new ReentrantLock();
    private final Object scheduleLock = new Object();
    private volatile boolean closed;
    private volatile ScheduledRun lastRun;
    private ScheduledFuture<?> next;
    private Instant nextRunAt;
    private long runCount;

    private ConnectorScheduler(Builder builder) {
        this.client = builder.client;
        this.spec = builder.spec;
        this.osTable = builder.osTable;
        this.options = builder.options;
        this.listener = SafeListener.of(builder.listener);
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor ? Executors.newSingleThreadScheduledExecutor(ConnectorScheduler::daemon)
            : builder.executor;
        this.clock = builder.clock;
        this.closeTimeout = builder.closeTimeout;
    }

    /** A builder of a scheduler for {@code spec} that runs through {@code client}. */
    public static Builder builder(ConnectorClient client, ConnectorSpec spec) {
        return new Builder(Objects.requireNonNull(client, "client"), Objects.requireNonNull(spec, "spec"));
    }

    /** The last run that finished, if any. */
    public Optional<ScheduledRun> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** When the next run is due; empty once closed. */
    public Optional<Instant> nextRunAt() {
        synchronized (scheduleLock) {
            return closed ? Optional.empty() : Optional.ofNullable(nextRunAt);
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops scheduling, then waits for a run in flight to finish, up to the close timeout; a run still going then is
     * left to finish on the host's executor (or interrupted, on the scheduler's own). Called from a listener during a
     * run, it does not wait. Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (scheduleLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        boolean finished = awaitRunInFlight();
        if (ownsExecutor) {
            if (finished) {
                executor.shutdown();
            } else {
                executor.shutdownNow();
            }
        }
    }

    private void start(Duration initialDelay) {
        synchronized (scheduleLock) {
            schedule(clock.instant().plus(initialDelay));
        }
    }

    private void runScheduled() {
        Instant plannedStart;
        synchronized (scheduleLock) {
            plannedStart = nextRunAt;
        }
        runLock.lock();
        try {
            if (closed) {
                return;
            }
            lastRun = runOnce(++runCount);
        } finally {
            runLock.unlock();
        }
        scheduleAfter(plannedStart);
    }

    private ScheduledRun runOnce(long runNumber) {
        Instant startedAt = clock.instant();
        listener.runStarted(runNumber, startedAt);
        ScheduledRun.Builder run = ScheduledRun.builder().runNumber(runNumber).startedAt(startedAt);
        try {
            DiscoveryResult discovery = client.discover(spec, osTable, listener);
            run.discovery(discovery);
            if (spec.arc().isPresent()) {
                run.onboarding(client.onboard(spec, discovery, options, listener));
            }
        } catch (RuntimeException e) {
            String failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Scheduled run {} of connector {} (account {}) failed; the next run still happens: {}",
                runNumber, spec.displayName(), spec.awsAccountId(), failure);
            run.failure(failure);
        }
        ScheduledRun finished = run.finishedAt(clock.instant()).build();
        listener.runFinished(finished);
        return finished;
    }

    private void scheduleAfter(Instant plannedStart) {
        synchronized (scheduleLock) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            Instant slot = plannedStart.plus(spec.rescanInterval());
            while (slot.isBefore(now)) {
                slot = slot.plus(spec.rescanInterval());
            }
            schedule(slot);
        }
    }

    private void schedule(Instant at) {
        nextRunAt = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            next = executor.schedule(this::runScheduled, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("The executor refused the next run of connector {}; no more runs are scheduled",
                spec.displayName(), e);
            nextRunAt = null;
        }
    }

    private boolean awaitRunInFlight() {
        if (runLock.isHeldByCurrentThread()) {
            return true;
        }
        try {
            if (runLock.tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                runLock.unlock();
                return true;
            }
            LOG.warn("A run of connector {} was still going {} after close()", spec.displayName(), closeTimeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "connector-scheduler");
        thread.setDaemon(true);
        return thread;
    }

    /** Configures a {@link ConnectorScheduler}; {@link #start()} builds and starts it. Not thread-safe. */
    public static final class Builder {

        private final ConnectorClient client;
        private final ConnectorSpec spec;
        private SupportedOsTable osTable = SupportedOsTable.defaults();
        private OnboardingOptions options = OnboardingOptions.defaults();
        private FleetListener listener = SafeListener.NONE;
        private ScheduledExecutorService executor;
        private Clock clock = Clock.systemUTC();
        private Duration initialDelay = Duration.ZERO;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

        private Builder(ConnectorClient client, ConnectorSpec spec) {
            this.client = client;
            this.spec = spec;
        }

        /** The host's executor to run on; the scheduler never shuts it down. Default: a daemon thread of its own. */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Hears each run's progress. Default: none. */
        public Builder listener(FleetListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How the onboarding commands run. Default: {@link OnboardingOptions#defaults()}. */
        public Builder options(OnboardingOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The operating systems that may be onboarded. Default: {@link SupportedOsTable#defaults()}. */
        public Builder osTable(SupportedOsTable osTable) {
            this.osTable = Objects.requireNonNull(osTable, "osTable");
            return this;
        }

        /** How long after {@link #start()} the first run begins. Default: at once. Not negative. */
        public Builder initialDelay(Duration initialDelay) {
            if (initialDelay.isNegative()) {
                throw new IllegalArgumentException("initialDelay must not be negative (was " + initialDelay + ")");
            }
            this.initialDelay = initialDelay;
            return this;
        }

        /** How long {@link ConnectorScheduler#close()} waits for a run in flight. Default: 2 minutes. Not negative. */
        public Builder closeTimeout(Duration closeTimeout) {
            if (closeTimeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative (was " + closeTimeout + ")");
            }
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** The clock that places runs in time; tests pass a controllable one. Default: the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the scheduler and schedules its first run.
         *
         * @throws IllegalArgumentException when the spec's rescan interval is not positive
         */
        public ConnectorScheduler start() {
            if (spec.rescanInterval().isNegative() || spec.rescanInterval().isZero()) {
                throw new IllegalArgumentException("The spec's rescanInterval must be positive (was "
                    + spec.rescanInterval() + ")");
            }
            ConnectorScheduler scheduler = new ConnectorScheduler(this);
            scheduler.start(initialDelay);
            return scheduler;
        }
    }
}
