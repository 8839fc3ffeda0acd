package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One page of {@code securityhub:GetFindings}: its findings as sent, and the token of the next page. */
@Value.Immutable
public interface FindingsPage {

    /** The page's findings, in the order Security Hub sent them. */
    List<AsffFinding> findings();

    /** The token to ask for the next page with; empty on the last page. */
    Optional<String> nextToken();

    static ImmutableFindingsPage.Builder builder() {
        return ImmutableFindingsPage.builder();
    }
}
