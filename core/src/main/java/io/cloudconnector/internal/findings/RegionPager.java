package io.cloudconnector.internal.findings;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@link RegionRead} page by page, on demand: checks each finding (a malformed one is reported to the
 * listener and skipped), drops findings outside the read's scope, and lets through only new ones
 * ({@link CursorWindow}). Holds one page at a time.
 *
 * <p>When Security Hub rejects a page token (expired, or otherwise invalid), the read starts again from its first
 * page, once; the window drops what was already let through. A second rejection fails the read.
 */
final class RegionPager {

    private static final Logger LOG = LoggerFactory.getLogger(RegionPager.class);
    private static final String INVALID_INPUT = "InvalidInputException";
    private static final int BAD_REQUEST = 400;

    private final FindingsPort port;
    private final ConnectorSpec spec;
    private final RegionRead read;
    private final FindingQuery query;
    private final FindingsListener listener;
    private final CursorWindow window;
    private Optional<String> nextToken = Optional.empty();
    private boolean restarted;
    private boolean done;
    private int pages;
    private int delivered;
    private int skipped;

    /**
     * @param start where an earlier read stopped; findings it covers are not let through again
     */
    RegionPager(FindingsPort port, ConnectorSpec spec, RegionRead read, FindingQuery query,
        Optional<FindingsCursor> start, FindingsListener listener) {
        this.port = port;
        this.spec = spec;
        this.read = read;
        this.query = query;
        this.listener = listener;
        this.window = new CursorWindow(start);
    }

    /**
     * The new findings of the next page (possibly none), or empty when the read is over.
     *
     * @throws io.cloudconnector.ConnectorException when a call fails
     */
    Optional<List<Finding>> next() {
        if (done) {
            return Optional.empty();
        }
        FindingsPage page = fetch();
        pages++;
        nextToken = page.nextToken().filter(token -> !token.isEmpty());
        done = nextToken.isEmpty();
        List<Finding> fresh = new ArrayList<>();
        for (AsffFinding raw : page.findings()) {
            accept(raw).ifPresent(fresh::add);
        }
        delivered += fresh.size();
        if (done) {
            LOG.info("Read {} findings of account {} in {} ({}, {} pages, {} malformed skipped)", delivered,
                spec.awsAccountId(), read.readRegion(), read.detail(), pages, skipped);
        }
        return Optional.of(fresh);
    }

    /** Where the read stands: the newest {@code UpdatedAt} let through and the keys let through at it. */
    Optional<FindingsCursor> cursor() {
        return window.cursor();
    }

    /** The read this pager works through. */
    RegionRead read() {
        return read;
    }

    private FindingsPage fetch() {
        try {
            return port.findings(spec, request());
        } catch (CloudServiceException e) {
            if (nextToken.isEmpty() || restarted || !isRejectedToken(e)) {
                throw e;
            }
            LOG.info("Security Hub rejected the page token of account {} in {} ({}); reading the region again "
                + "from its first page, skipping what was delivered", spec.awsAccountId(), read.readRegion(),
                e.getMessage());
            restarted = true;
            nextToken = Optional.empty();
            return port.findings(spec, request());
        }
    }

    private FindingsPageRequest request() {
        return FindingsPageRequest.builder()
            .region(read.readRegion())
            .query(query)
            .regionFilter(read.regionFilter())
            .nextToken(nextToken)
            .build();
    }

    private Optional<Finding> accept(AsffFinding raw) {
        Finding finding;
        try {
            finding = FindingMapper.map(raw, read.readRegion());
        } catch (MalformedFindingException e) {
            skipped++;
            LOG.warn("Skipped a malformed finding {} of account {} in {}: {}", raw.id().orElse("(no Id)"),
                spec.awsAccountId(), read.readRegion(), e.getMessage());
            listener.skipped(SkippedFinding.of(read.readRegion(), raw.id(), e.getMessage()));
            return Optional.empty();
        }
        if (!read.scope().contains(finding.region()) || !window.admit(finding)) {
            return Optional.empty();
        }
        return Optional.of(finding);
    }

    /** Whether Security Hub refused the page token: HTTP 400 {@code InvalidInputException} naming the token. */
    static boolean isRejectedToken(CloudServiceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return e.statusCode() == BAD_REQUEST && e.errorCode().filter(INVALID_INPUT::equals).isPresent()
            && message.contains("token");
    }
}
