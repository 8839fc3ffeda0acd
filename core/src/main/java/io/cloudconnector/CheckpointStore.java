package io.cloudconnector;

import java.util.Optional;

/**
 * Keeps the cursors of incremental findings exports between runs, one per key (the SDK builds keys from the account,
 * the subscription, the connector name and the region). {@link FileCheckpointStore} keeps them in files; a host may
 * keep them in its own database.
 *
 * <p>{@link #save} must be atomic: after a crash, {@link #load} returns either the previous cursor or the new one,
 * never a mix. Implementations throw {@link ConnectorException} when they cannot read or write.
 */
public interface CheckpointStore {

    /** The cursor saved under {@code key}; empty when none was saved. */
    Optional<FindingsCursor> load(String key);

    /** Replaces the cursor saved under {@code key}, atomically. */
    void save(String key, FindingsCursor cursor);
}
