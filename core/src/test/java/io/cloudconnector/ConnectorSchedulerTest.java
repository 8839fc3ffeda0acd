package io.cloudconnector;

import static io.cloudconnector.internal.fleet.Fixtures.ec2;
import static io.cloudconnector.internal.fleet.Fixtures.ssm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.internal.fleet.FakeAccount;
import io.cloudconnector.internal.fleet.FakeFleet;
import io.cloudconnector.internal.fleet.Fixtures;
import io.cloudconnector.internal.fleet.MutableClock;
import io.cloudconnector.internal.fleet.RecordingListener;
import io.cloudconnector.spi.RegionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConnectorSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);
    private static final OnboardingOptions FAST = OnboardingOptions.builder().pollInterval(Duration.ofMillis(1))
        .build();

    private final MutableClock clock = new MutableClock(T0);
    private final ManualExecutor executor = new ManualExecutor(clock);
    private final RecordingListener listener = new RecordingListener();
    private final FakeFleet fleet = new FakeFleet().region("eu-west-1",
        List.of(ec2("i-1", "eu-west-1")), List.of(ssm("i-1")));

    @Test
    void start_runsAtOnceThenEveryRescanInterval() {
        ConnectorScheduler scheduler = start(() -> List.of(RegionInfo.of("eu-west-1", "opt-in-not-required")));

        assertThat(executor.pendingDelays()).containsExactly(Duration.ZERO);
        assertThat(executor.runDue()).isEqualTo(1);
        assertThat(scheduler.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.runNumber()).isEqualTo(1);
            assertThat(run.succeeded()).isTrue();
            assertThat(run.discovery().orElseThrow().instances()).hasSize(1);
            assertThat(run.onboarding().orElseThrow().succeededCount()).isEqualTo(1);
        });
        assertThat(executor.pendingDelays()).containsExactly(SIX_HOURS);
        assertThat(scheduler.nextRunAt()).contains(T0.plus(SIX_HOURS));

        clock.advance(SIX_HOURS.minusMillis(1));
        assertThat(executor.runDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(executor.runDue()).isEqualTo(1);

        assertThat(scheduler.lastRun().orElseThrow().runNumber()).isEqualTo(2);
        assertThat(listener.events()).containsSubsequence(
            "runStarted 1 " + T0, "regionDiscovered eu-west-1 OK", "batchSent eu-west-1 AWS-RunShellScript [i-1]",
            "instanceOnboarded i-1", "regionOnboarded eu-west-1 OK", "runFinished 1 ok",
            "runStarted 2 " + T0.plus(SIX_HOURS), "runFinished 2 ok");
    }

    @Test
    void failedRun_isReportedAndTheNextRunStillHappens() {
        AtomicInteger calls = new AtomicInteger();
        ConnectorScheduler scheduler = start(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new AccessDeniedException("ec2:DescribeRegions failed: UnauthorizedOperation (HTTP 403)", "aws",
                    "ec2:DescribeRegions", "us-east-1", 403, "UnauthorizedOperation", "r1", "ec2:DescribeRegions",
                    null);
            }
            return List.of(RegionInfo.of("eu-west-1", "opt-in-not-required"));
        });

        executor.runDue();
        assertThat(scheduler.lastRun()).hasValueSatisfying(run -> {
            assertThat(run.succeeded()).isFalse();
            assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .contains("ec2:DescribeRegions failed"));
            assertThat(run.discovery()).isEmpty();
        });
        assertThat(executor.pendingDelays()).containsExactly(SIX_HOURS);

        clock.advance(SIX_HOURS);
        executor.runDue();
        assertThat(scheduler.lastRun().orElseThrow().succeeded()).isTrue();
        assertThat(listener.events()).contains("runFinished 1 failed: ec2:DescribeRegions failed: "
            + "UnauthorizedOperation (HTTP 403)", "runFinished 2 ok");
    }

    @Test
    void runLongerThanTheInterval_nextRunTakesTheNextSlotAndNeverOverlaps() {
        start(() -> {
            clock.advance(Duration.ofHours(7));
            return List.of(RegionInfo.of("eu-west-1", "opt-in-not-required"));
        });

        executor.runDue();

        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(executor.pendingDelays()).containsExactly(Duration.ofHours(5));
    }

    @Test
    void close_cancelsThePendingRunAndLeavesTheHostExecutorRunning() {
        ConnectorScheduler scheduler = start(() -> List.of(RegionInfo.of("eu-west-1", "opt-in-not-required")));
        executor.runDue();

        scheduler.close();
        clock.advance(SIX_HOURS);

        assertThat(executor.runDue()).isZero();
        assertThat(scheduler.isClosed()).isTrue();
        assertThat(scheduler.nextRunAt()).isEmpty();
        assertThat(scheduler.lastRun().orElseThrow().runNumber()).isEqualTo(1);
        assertThat(executor.isShutdown()).isFalse();
    }

    @Test
    void close_whileARunIsInFlight_waitsForItToFinish() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        ConnectorScheduler scheduler = ConnectorScheduler.builder(client(() -> {
            inRun.countDown();
            await(release);
            return List.of(RegionInfo.of("eu-west-1", "opt-in-not-required"));
        }), Fixtures.spec()).executor(executor).clock(clock).options(FAST).listener(new FleetListener() {
            @Override
            public void runFinished(ScheduledRun run) {
                order.add("runFinished");
            }
        }).start();
        Thread runner = new Thread(executor::runDue);
        runner.start();
        assertThat(inRun.await(30, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(() -> {
            scheduler.close();
            order.add("closed");
        });
        closer.start();

        assertThat(order).doesNotContain("closed");
        release.countDown();
        closer.join(30_000);
        runner.join(30_000);

        assertThat(order).containsExactly("runFinished", "closed");
        assertThat(executor.pendingDelays()).isEmpty();
    }

    @Test
    void close_fromTheListenerDuringARun_doesNotWaitForItself() {
        AtomicReference<ConnectorScheduler> self = new AtomicReference<>();
        self.set(ConnectorScheduler.builder(client(() -> List.of(RegionInfo.of("eu-west-1", "opt-in-not-required"))),
            Fixtures.spec()).executor(executor).clock(clock).options(FAST).listener(new FleetListener() {
                @Override
                public void runFinished(ScheduledRun run) {
                    self.get().close();
                }
            }).start());

        executor.runDue();

        assertThat(self.get().isClosed()).isTrue();
        assertThat(executor.pendingDelays()).isEmpty();
    }

    @Test
    void listenerThatThrows_neverStopsTheRun() {
        ConnectorScheduler scheduler = ConnectorScheduler.builder(client(() -> List.of(RegionInfo.of("eu-west-1",
            "opt-in-not-required"))), Fixtures.spec()).executor(executor).clock(clock).options(FAST)
            .listener(new FleetListener() {
                @Override
                public void runStarted(long runNumber, Instant startedAt) {
                    throw new IllegalStateException("listener bug");
                }
            }).start();

        executor.runDue();

        assertThat(scheduler.lastRun().orElseThrow().succeeded()).isTrue();
        assertThat(executor.pendingDelays()).containsExactly(SIX_HOURS);
    }

    @Test
    void specWithoutArcSettings_onlyDiscovers() {
        ConnectorScheduler scheduler = ConnectorScheduler.builder(client(() -> List.of(RegionInfo.of("eu-west-1",
            "opt-in-not-required"))), Fixtures.specWithoutArc()).executor(executor).clock(clock).start();

        executor.runDue();

        assertThat(scheduler.lastRun().orElseThrow().onboarding()).isEmpty();
        assertThat(fleet.sent()).isEmpty();
    }

    @Test
    void ownExecutor_closesCleanlyBeforeTheFirstRun() {
        ConnectorScheduler scheduler = ConnectorScheduler.builder(client(List::of), Fixtures.spec())
            .initialDelay(Duration.ofHours(1)).start();

        scheduler.close();

        assertThat(scheduler.isClosed()).isTrue();
        assertThat(scheduler.lastRun()).isEmpty();
    }

    @Test
    void start_zeroRescanInterval_isRefusedBeforeAnyRun() {
        // The spec's own validation may refuse it first; either way no run is ever scheduled.
        assertThatThrownBy(() -> ConnectorScheduler.builder(client(List::of), ConnectorSpec.builder()
            .from(Fixtures.spec()).rescanInterval(Duration.ZERO).build()).executor(executor).start())
            .isInstanceOfAny(IllegalArgumentException.class, InvalidSpecException.class)
            .hasMessageContaining("rescanInterval");
        assertThat(executor.pendingDelays()).isEmpty();
    }

    private ConnectorScheduler start(Supplier<List<RegionInfo>> regions) {
        return client(regions).scheduler(Fixtures.spec()).executor(executor).clock(clock).options(FAST)
            .listener(listener).start();
    }

    private ConnectorClient client(Supplier<List<RegionInfo>> regions) {
        return FakeSides.client(new FakeAccount(regions), fleet, spec -> List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
