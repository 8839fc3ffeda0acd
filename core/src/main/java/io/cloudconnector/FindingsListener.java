package io.cloudconnector;

/**
 * Hears what a findings read could not deliver: a finding that was malformed, a region that could not be read. Both
 * are also logged. Called on the thread that consumes the stream; the methods do nothing by default.
 *
 * @see FindingsTally
 */
public interface FindingsListener {

    /** A finding was skipped because it was malformed (a required field missing, an unknown value, a bad time). */
    default void skipped(SkippedFinding skipped) {
    }

    /**
     * A region could not be read (after the retries the AWS side allows); the stream went on with the other regions.
     * Findings the region delivered before it failed stay delivered.
     */
    default void regionFailed(String region, ConnectorException failure) {
    }
}
