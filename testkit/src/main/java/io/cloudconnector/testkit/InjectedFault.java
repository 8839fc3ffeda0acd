package io.cloudconnector.testkit;

import java.util.function.IntSupplier;

/** A fault handed to a running sandbox: how often it fired, and a way to take it back. */
public final class InjectedFault implements AutoCloseable {

    private final SandboxFault fault;
    private final IntSupplier fired;
    private final Runnable remove;

    InjectedFault(SandboxFault fault, IntSupplier fired, Runnable remove) {
        this.fault = fault;
        this.fired = fired;
        this.remove = remove;
    }

    /** The fault as described. */
    public SandboxFault fault() {
        return fault;
    }

    /** How many times it has fired so far. */
    public int fired() {
        return fired.getAsInt();
    }

    /** Stops the fault from firing again; idempotent. */
    public void remove() {
        remove.run();
    }

    /** Same as {@link #remove()}. */
    @Override
    public void close() {
        remove();
    }

    @Override
    public String toString() {
        return fault + ", fired " + fired() + " time(s)";
    }
}
