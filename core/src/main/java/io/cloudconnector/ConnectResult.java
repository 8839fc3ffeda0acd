package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/** What {@link ConnectorClient#connect(ConnectorSpec, ConnectOptions)} did, and the connector afterwards. */
@Value.Immutable
@ValueStyle
public abstract class ConnectResult {

    /** What a connect call did to the connector resource. */
    public enum Change {
        /** The connector did not exist and was created. */
        CREATED,
        /** The connector existed with other settings, or credentials were rotated, and was written. */
        UPDATED,
        /** The connector already matched the spec; nothing was written. */
        UNCHANGED
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** What was done. */
    public abstract Change change();

    /**
     * The settings that differed from the spec and were written, such as {@code arc.proxy} or {@code roleArn};
     * {@code credentials} when secrets were rotated. Empty for a created or unchanged connector.
     */
    public abstract List<String> changedSettings();

    /** The connector as Azure reports it after the call. */
    public abstract ConnectorStatus status();

    /** The resource providers the connector relies on, checked before any write. */
    public abstract List<ProviderRegistration> providers();

    /** Builds {@link ConnectResult}. */
    public static class Builder extends ImmutableConnectResult.Builder {
    }
}
