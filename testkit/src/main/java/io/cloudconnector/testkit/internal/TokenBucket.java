package io.cloudconnector.testkit.internal;

import java.util.function.LongSupplier;

/** A token bucket: {@code capacity} calls at once, refilled at {@code perSecond}. Thread-safe. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(int capacity, double perSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one token when there is one. */
    synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
