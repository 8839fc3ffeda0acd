package io.cloudconnector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential: an AWS secret access key, a session token, a service principal secret.
 *
 * <p>{@link #toString()} and Jackson serialization both print {@value #MASK}; the raw value is returned only by
 * {@link #reveal()}, which the adapters call at the moment they hand the value to a cloud SDK. Two secrets are equal
 * when their values are equal (compared in constant time).
 */
public final class Secret {

    /** What a secret prints as, everywhere. */
    public static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a raw credential.
     *
     * @throws NullPointerException when {@code value} is null
     */
    @JsonCreator
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The raw value. Call it only to hand the value to the system that needs it; never log it. */
    public String reveal() {
        return value;
    }

    /** Whether the secret holds no characters. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The number of characters of the raw value; safe to report. */
    public int length() {
        return value.length();
    }

    /** Always {@value #MASK}. */
    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
            && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }
}
