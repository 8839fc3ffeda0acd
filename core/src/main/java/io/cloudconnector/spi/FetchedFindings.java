package io.cloudconnector.spi;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A page of {@code securityhub:GetFindings} fetched and not yet read: its next token is known at once, and its
 * findings are read when {@link #read()} is called, on the caller's thread. This lets a reader fetch the next page
 * while another thread reads this one.
 */
public interface FetchedFindings {

    /** The token to ask for the next page with; empty on the last page. */
    Optional<String> nextToken();

    /**
     * The page's findings, read now. Call it once.
     *
     * @throws io.cloudconnector.ConnectorException when the page fetched cannot be read after all
     */
    FindingsPage read();

    /** A page that was read when it was fetched. */
    static FetchedFindings of(FindingsPage page) {
        return of(page.nextToken(), () -> page);
    }

    /** A page whose next token is {@code nextToken} and whose findings {@code read} reads. */
    static FetchedFindings of(Optional<String> nextToken, Supplier<FindingsPage> read) {
        return new FetchedFindings() {
            @Override
            public Optional<String> nextToken() {
                return nextToken;
            }

            @Override
            public FindingsPage read() {
                return read.get();
            }
        };
    }
}
