package io.cloudconnector;

import io.cloudconnector.internal.fleet.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: tasks run when a test calls {@link #runDue()}, once
 * their time on the {@link MutableClock} has come.
 */
final class ManualExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    ManualExecutor(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs every task that is due, including tasks scheduled by them that are due too; returns how many ran. */
    int runDue() {
        int ran = 0;
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.stream().filter(task -> !task.cancelled && !task.at.isAfter(clock.instant()))
                    .min(Comparator.comparing(task -> task.at)).orElse(null);
                if (due == null) {
                    return ran;
                }
                tasks.remove(due);
            }
            due.command.run();
            due.done = true;
            ran++;
        }
    }

    /** The delays of the tasks waiting, cancelled ones excluded, soonest first. */
    synchronized List<Duration> pendingDelays() {
        return tasks.stream().filter(task -> !task.cancelled).sorted(Comparator.comparing(task -> task.at))
            .map(task -> Duration.between(clock.instant(), task.at)).toList();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, clock.instant().plusMillis(unit.toMillis(delay)));
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
        TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    /** One scheduled task. */
    private final class Task implements ScheduledFuture<Object> {

        private final Runnable command;
        private final Instant at;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Runnable command, Instant at) {
            this.command = command;
            this.at = at;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return !done;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
