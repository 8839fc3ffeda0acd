package io.cloudconnector.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.RegionInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallLimitTest {

    private final AtomicInteger entered = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    @Test
    void limitedSide_moreCallersThanPermits_onlyThatManyInsideAtOnce() throws Exception {
        CallLimit limit = new CallLimit(2);
        AwsSide side = limit.aws(blockingSide());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread caller = new Thread(() -> side.account().regions(Estates.administrator()));
            caller.start();
            callers.add(caller);
        }

        awaitEntered(2);
        Thread.sleep(50);
        assertThat(entered.get()).isEqualTo(2);
        release.countDown();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(5));
        }

        assertThat(entered.get()).isEqualTo(6);
        assertThat(limit.peak()).isEqualTo(2);
    }

    @Test
    void limitedSide_portThrows_sameExceptionAndPermitReturned() {
        CallLimit limit = new CallLimit(1);
        AwsSide side = limit.aws(throwingSide());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> side.account().regions(Estates.administrator()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("ec2:DescribeRegions");
        }
        assertThat(limit.peak()).isEqualTo(1);
    }

    @Test
    void limitedSide_close_leavesTheSideOpen() {
        AwsSide side = new CallLimit(1).aws(throwingSide());

        side.close();

        assertThat(closed).isFalse();
    }

    private void awaitEntered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (entered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private AwsSide blockingSide() {
        AccountPort port = port(AccountPort.class, () -> {
            entered.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(RegionInfo.of("us-east-1", "opt-in-not-required"));
        });
        return side(port);
    }

    private AwsSide throwingSide() {
        return side(port(AccountPort.class, () -> {
            throw new AccessDeniedException("ec2:DescribeRegions failed: UnauthorizedOperation", "aws",
                "ec2:DescribeRegions", "us-east-1", 403, "UnauthorizedOperation", null, "ec2:DescribeRegions", null);
        }));
    }

    private AwsSide side(AccountPort account) {
        return new AwsSide() {
            @Override
            public AccountPort account() {
                return account;
            }

            @Override
            public FleetPort fleet() {
                throw new UnsupportedOperationException();
            }

            @Override
            public FindingsPort findings() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    /** A port whose every method answers with {@code answer}. */
    private static <T> T port(Class<T> type, java.util.function.Supplier<Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) -> answer.get()));
    }
}
