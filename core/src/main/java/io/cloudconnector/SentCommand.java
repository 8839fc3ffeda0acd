package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One {@code ssm:SendCommand} the SDK sent to install the Azure Arc agent: its command ID, region, platform, document
 * and instances. The script itself is not kept: it holds the service principal secret.
 */
@Value.Immutable
@ValueStyle
public abstract class SentCommand {

    /** A builder, for hosts that fake onboarding results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** SSM's command ID, to look the command up in the SSM console or with {@code aws ssm list-commands}. */
    public abstract String commandId();

    /** The AWS region it ran in. */
    public abstract String region();

    /** The platform of every instance of the command. */
    public abstract InstancePlatform platform();

    /** {@code AWS-RunShellScript} or {@code AWS-RunPowerShellScript}. */
    public abstract String documentName();

    /** The instances, at most 50. */
    public abstract List<String> instanceIds();

    /** Builds a {@link SentCommand}. */
    public static class Builder extends ImmutableSentCommand.Builder {
    }
}
