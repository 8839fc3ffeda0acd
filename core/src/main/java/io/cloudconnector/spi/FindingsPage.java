package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of {@code securityhub:GetFindings}: its findings as sent, the token of the next page, and what the AWS side
 * had to leave out or cut short to read the page at all.
 */
@Value.Immutable
public interface FindingsPage {

    /** The page's findings, in the order Security Hub sent them. */
    List<AsffFinding> findings();

    /** The token to ask for the next page with; empty on the last page. */
    Optional<String> nextToken();

    /**
     * Findings of the page that could not be passed on at all (a field of the wrong JSON type, say), each with its
     * {@code Id} when it had a readable one and the reason. Core reports them as skipped. Empty by default.
     */
    List<RejectedFinding> rejected();

    /** Fields of the page's findings that were cut short because they were longer than the SDK keeps. */
    List<TruncatedField> truncated();

    static ImmutableFindingsPage.Builder builder() {
        return ImmutableFindingsPage.builder();
    }

    /** A finding left out of the page, and why. */
    @Value.Immutable
    interface RejectedFinding {

        /** Its {@code Id}, when it had a readable one. */
        Optional<String> id();

        /** Why, such as {@code Title is a number, not a string}. */
        String reason();

        static ImmutableRejectedFinding.Builder builder() {
            return ImmutableRejectedFinding.builder();
        }
    }

    /** A field of a finding that was cut short. */
    @Value.Immutable
    interface TruncatedField {

        /** The finding's {@code Id}, when it had one. */
        Optional<String> findingId();

        /** The field, such as {@code Description} or {@code ProductFields.aws/inspector/details}. */
        String field();

        /** How many characters (or, for a map, entries) it had. */
        int originalLength();

        /** How many it kept. */
        int keptLength();

        static ImmutableTruncatedField.Builder builder() {
            return ImmutableTruncatedField.builder();
        }
    }
}
