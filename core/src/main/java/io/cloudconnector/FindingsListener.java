package io.cloudconnector;

/**
 * Hears what a findings read could not deliver whole: a finding that was malformed (skipped), a finding with a field
 * cut short (truncated), a region that could not be read. All are also logged. Called on the thread that consumes
 * the stream; the methods do nothing by default.
 *
 * @see FindingsTally
 */
public interface FindingsListener {

    /**
     * A finding was skipped because it was malformed: a required field missing, an unknown value, a bad time, a
     * value of the wrong JSON type, or a repeat of a finding earlier in the same page.
     */
    default void skipped(SkippedFinding skipped) {
    }

    /** A finding was delivered with a field cut short, because Security Hub sent more than the SDK keeps. */
    default void truncated(TruncatedFinding truncated) {
    }

    /**
     * A region could not be read (after the retries the AWS side allows); the stream went on with the other regions.
     * Findings the region delivered before it failed stay delivered.
     */
    default void regionFailed(String region, ConnectorException failure) {
    }
}
