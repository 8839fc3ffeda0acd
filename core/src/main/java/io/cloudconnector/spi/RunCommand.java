package io.cloudconnector.spi;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** One {@code ssm:SendCommand} request. */
@Value.Immutable
public interface RunCommand {

    /** {@code AWS-RunShellScript} or {@code AWS-RunPowerShellScript}. */
    String documentName();

    /** At most 50 instance IDs. */
    List<String> instanceIds();

    /**
     * The script's lines, passed as the document's {@code commands} parameter. They may hold a secret, so
     * {@code toString()} masks them; never log them.
     */
    @Value.Redacted
    List<String> commands();

    /** SSM's {@code MaxConcurrency}, such as {@code 50} or {@code 10%}. */
    String maxConcurrency();

    /** SSM's {@code MaxErrors}, such as {@code 0} or {@code 10%}. */
    String maxErrors();

    /** How long the script may run on each instance. */
    Duration executionTimeout();

    /** A comment of at most 100 characters, shown in the SSM console. */
    String comment();

    static ImmutableRunCommand.Builder builder() {
        return ImmutableRunCommand.builder();
    }
}
