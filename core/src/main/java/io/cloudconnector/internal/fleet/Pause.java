package io.cloudconnector.internal.fleet;

import java.time.Duration;

/** Waits between two polls; tests replace it with one that advances a fake clock instead of sleeping. */
@FunctionalInterface
public interface Pause {

    /** Sleeps the current thread. */
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    /** Waits {@code duration}. */
    void pause(Duration duration) throws InterruptedException;
}
