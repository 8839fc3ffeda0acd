package io.cloudconnector.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault the sandbox injects in place of (or, for a delay, before) an operation's answer, described before it is
 * handed to {@link CloudSandbox#inject(SandboxFault)}.
 *
 * <p>Operations are named {@code service:Operation} for AWS ({@code securityhub:GetFindings},
 * {@code ec2:DescribeInstances}, {@code sts:AssumeRole}, {@code ssm:GetCommandInvocation}, ...), {@code arm:METHOD
 * type} for Azure Resource Manager ({@code arm:PUT connectors}, {@code arm:GET connectors}, {@code arm:LIST
 * machines}, {@code arm:POST register}, {@code arm:GET resourceGroups}, {@code arm:PUT resourceGroups},
 * {@code arm:LIST roleAssignments}, {@code arm:PUT roleAssignments}, ...), {@code graph:METHOD type} for Microsoft
 * Graph ({@code graph:LIST applications}, {@code graph:POST applications}, {@code graph:GET applications},
 * {@code graph:POST addPassword}, {@code graph:LIST servicePrincipals}, {@code graph:POST servicePrincipals}, ...)
 * and {@code entra:POST token} for the token endpoint. A pattern ending in {@code *} matches every operation with
 * that prefix ({@code securityhub:*}, {@code arm:*}, {@code graph:*}, {@code *}).
 *
 * <p>By default a fault fires once, on the first matching call; {@link Builder#after(int)} skips calls first,
 * {@link Builder#times(int)} and {@link Builder#always()} say how often it fires, {@link Builder#every(int)} makes
 * it fire on every n-th matching call only. A fault replaces the operation: the sandbox's state does not change
 * (a delay is the exception: the operation then runs as usual).
 *
 * @see CloudSandbox#inject(SandboxFault)
 */
public final class SandboxFault {

    /** What the caller sees. */
    public enum Kind {
        /** The service's own throttling error: Security Hub 429 LimitExceededException, EC2 503
         *  RequestLimitExceeded, STS and IAM 400 Throttling, SSM and Config 400 ThrottlingException, S3 503
         *  SlowDown, ARM 429 SubscriptionRequestsThrottled and Graph 429 TooManyRequests with
         *  {@code Retry-After: 1}. */
        THROTTLE,
        /** HTTP 500 with the service's internal error code. */
        SERVER_ERROR,
        /** HTTP 503 with the service's unavailable error code (Graph's with {@code Retry-After: 1}). */
        UNAVAILABLE,
        /** The connection is reset by the peer before an answer. */
        CONNECTION_RESET,
        /** The connection is closed without an answer. */
        EMPTY_RESPONSE,
        /** HTTP 200 with a body that cannot be parsed. */
        MALFORMED_BODY,
        /** The answer is delayed by {@link #delay()}, then given as usual. */
        DELAY,
        /** The service's access-denied error naming the operation (Graph: 403 Authorization_RequestDenied). */
        ACCESS_DENIED,
        /** An error with the given status, code and message, in the service's error shape. */
        ERROR
    }

    /** {@link #times()} of a fault that fires on every matching call. */
    public static final int ALWAYS = -1;

    private final String operation;
    private final Optional<String> region;
    private final int after;
    private final int times;
    private final int every;
    private final Kind kind;
    private final Duration delay;
    private final int status;
    private final String code;
    private final String message;

    private SandboxFault(Builder b, Kind kind, Duration delay, int status, String code, String message) {
        this.operation = b.operation;
        this.region = b.region;
        this.after = b.after;
        this.times = b.times;
        this.every = b.every;
        this.kind = kind;
        this.delay = delay;
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /**
     * Starts a fault for the operations {@code operation} names (exactly, or by prefix when it ends in {@code *}).
     *
     * @throws NullPointerException when {@code operation} is null
     */
    public static Builder on(String operation) {
        return new Builder(Objects.requireNonNull(operation, "operation"));
    }

    /** Whether this fault concerns a call of {@code operation} in {@code region} (empty for Azure calls). */
    public boolean matches(String operation, String region) {
        boolean opMatches = this.operation.endsWith("*")
            ? operation.startsWith(this.operation.substring(0, this.operation.length() - 1))
            : this.operation.equals(operation);
        return opMatches && this.region.map(r -> r.equals(region)).orElse(true);
    }

    /** The operation name or prefix pattern. */
    public String operation() {
        return operation;
    }

    /** The region the fault is limited to; empty for every region. */
    public Optional<String> region() {
        return region;
    }

    /** How many matching calls pass before the fault can fire. */
    public int after() {
        return after;
    }

    /** How many times it fires; {@link #ALWAYS} for no limit. */
    public int times() {
        return times;
    }

    /** It fires on every n-th matching call (after the skipped ones); 1 means every one. */
    public int every() {
        return every;
    }

    /** What the caller sees. */
    public Kind kind() {
        return kind;
    }

    /** The delay of a {@link Kind#DELAY} fault; zero otherwise. */
    public Duration delay() {
        return delay;
    }

    /** The HTTP status of an {@link Kind#ERROR} fault; 0 otherwise. */
    public int status() {
        return status;
    }

    /** The error code of an {@link Kind#ERROR} fault; empty otherwise. */
    public String code() {
        return code;
    }

    /** The error message of an {@link Kind#ERROR} fault; empty otherwise. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return kind + " on " + operation + region.map(r -> " in " + r).orElse("") + " after " + after + ", "
            + (times == ALWAYS ? "always" : times + " time(s)") + (every > 1 ? ", every " + every : "");
    }

    /** Describes when a fault fires; a terminal method says what it does. */
    public static final class Builder {

        private final String operation;
        private Optional<String> region = Optional.empty();
        private int after;
        private int times = 1;
        private int every = 1;

        private Builder(String operation) {
            this.operation = operation;
        }

        /** Only calls signed for {@code region}. */
        public Builder inRegion(String region) {
            this.region = Optional.of(Objects.requireNonNull(region, "region"));
            return this;
        }

        /**
         * Lets the first {@code calls} matching calls pass.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder after(int calls) {
            this.after = requireAtLeast(calls, 0, "after");
            return this;
        }

        /**
         * Fires {@code count} times (default 1).
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder times(int count) {
            this.times = requireAtLeast(count, 1, "times");
            return this;
        }

        /** Fires on every matching call. */
        public Builder always() {
            this.times = ALWAYS;
            return this;
        }

        /**
         * Fires only on every {@code n}-th matching call (the first one after the skipped calls, then every n-th).
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder every(int n) {
            this.every = requireAtLeast(n, 1, "every");
            return this;
        }

        /** The service's throttling error. */
        public SandboxFault throttle() {
            return of(Kind.THROTTLE);
        }

        /** HTTP 500. */
        public SandboxFault serverError() {
            return of(Kind.SERVER_ERROR);
        }

        /** HTTP 503. */
        public SandboxFault unavailable() {
            return of(Kind.UNAVAILABLE);
        }

        /** A connection reset by the peer. */
        public SandboxFault connectionReset() {
            return of(Kind.CONNECTION_RESET);
        }

        /** A connection closed without an answer. */
        public SandboxFault emptyResponse() {
            return of(Kind.EMPTY_RESPONSE);
        }

        /** A 200 answer whose body cannot be parsed. */
        public SandboxFault malformedBody() {
            return of(Kind.MALFORMED_BODY);
        }

        /** The service's access-denied error. */
        public SandboxFault accessDenied() {
            return of(Kind.ACCESS_DENIED);
        }

        /**
         * The usual answer, {@code delay} late.
         *
         * @throws IllegalArgumentException when the delay is negative
         */
        public SandboxFault delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
            return new SandboxFault(this, Kind.DELAY, delay, 0, "", "");
        }

        /**
         * An error with this HTTP status, code and message, in the service's error shape.
         *
         * @throws IllegalArgumentException when the status is not 400 to 599
         */
        public SandboxFault error(int status, String code, String message) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error status must be 400 to 599, was " + status);
            }
            return new SandboxFault(this, Kind.ERROR, Duration.ZERO, status, Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message"));
        }

        private SandboxFault of(Kind kind) {
            return new SandboxFault(this, kind, Duration.ZERO, 0, "", "");
        }

        private static int requireAtLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
            }
            return value;
        }
    }
}
