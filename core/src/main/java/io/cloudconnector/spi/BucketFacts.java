package io.cloudconnector.spi;

import java.util.Optional;
import org.immutables.value.Value;

/** An S3 bucket that exists: whether the account may use it, where it is, and how it is protected. */
@Value.Immutable
public interface BucketFacts {

    String name();

    /**
     * Whether the account may read the bucket's settings; false when S3 answers 403 (another account owns it, or a
     * permission is missing), and then nothing else is known.
     */
    boolean accessible();

    /** The bucket's region, when S3 reports it. */
    Optional<String> region();

    /** Whether default encryption is configured. */
    boolean encrypted();

    /** Whether all four settings of the bucket's public access block are on. */
    boolean publicAccessBlocked();

    /** The bucket policy (JSON); empty when the bucket has none. */
    Optional<String> policy();

    static ImmutableBucketFacts.Builder builder() {
        return ImmutableBucketFacts.builder();
    }
}
