package io.cloudconnector.internal.accounts;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one limit of a fleet run: a fair semaphore whose permits every call to a cloud holds while it runs. The sides
 * it hands out ({@link #aws(AwsSide)}, {@link #azure(AzureSide)}) pass every call of every port they return through
 * it, whichever thread makes the call (an account's own steps, a region of its fan-out, the findings read), so at
 * most {@code max} calls are in flight across the whole run. A permit is held only for the duration of one port call,
 * never while waiting for another, so nothing can deadlock; the retries and paging inside one call share its permit.
 * Thread-safe.
 */
public final class CallLimit {

    private static final String SPI_PACKAGE = AwsSide.class.getPackageName();

    private final int max;
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** A limit of {@code max} calls in flight. */
    public CallLimit(int max) {
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    /** The limit. */
    public int max() {
        return max;
    }

    /** The most calls that were in flight at once so far. */
    public int peak() {
        return peak.get();
    }

    /**
     * {@code side} with every call of its ports held to this limit. Closing the result does nothing: {@code side}
     * stays owned by whoever made it.
     */
    public AwsSide aws(AwsSide side) {
        return proxy(AwsSide.class, side, this::sideCall);
    }

    /** {@code side} with every call of its ports held to this limit; see {@link #aws(AwsSide)}. */
    public AzureSide azure(AzureSide side) {
        return proxy(AzureSide.class, side, this::sideCall);
    }

    /** A call on a side: a port it returns is limited, {@code close} does nothing, the rest passes. */
    private Object sideCall(Object side, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
        }
        Object result = invoke(side, method, args);
        Class<?> type = method.getReturnType();
        if (result != null && isPort(type)) {
            return proxy(type, result, this::limitedCall);
        }
        return result;
    }

    /** A call on a port: holds a permit while it runs. */
    private Object limitedCall(Object port, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return invoke(port, method, args);
        }
        acquire(method);
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            return invoke(port, method, args);
        } finally {
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    private void acquire(Method method) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting to call " + method.getDeclaringClass()
                .getSimpleName() + "." + method.getName(), e);
        }
    }

    private static boolean isPort(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(SPI_PACKAGE) && type.getSimpleName().endsWith("Port");
    }

    /** The target's own result or exception, not reflection's wrapping of it. */
    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** How a proxy handles a call on {@code target}. */
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
    }
}
