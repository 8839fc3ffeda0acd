package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The AWS Config recorders of one region, joined with their status. */
@Value.Immutable
public interface ConfigRecorderFacts {

    /** The recorders; empty when AWS Config was never set up in the region. */
    List<Recorder> recorders();

    static ImmutableConfigRecorderFacts.Builder builder() {
        return ImmutableConfigRecorderFacts.builder();
    }

    /** One configuration recorder. */
    @Value.Immutable
    interface Recorder {
        String name();

        /** Whether it is recording now. */
        boolean recording();

        /** {@code Pending}, {@code Success}, {@code Failure} or {@code NotApplicable}, when reported. */
        Optional<String> lastStatus();

        /** The last error code, when the last status is a failure. */
        Optional<String> lastErrorCode();

        /** Whether it records all supported resource types. */
        boolean allSupported();

        /** Whether it records global resource types (IAM). */
        boolean includeGlobalResourceTypes();

        /** The ARN of the IAM role the recorder uses, when reported. */
        Optional<String> roleArn();

        static ImmutableRecorder.Builder builder() {
            return ImmutableRecorder.builder();
        }
    }
}
