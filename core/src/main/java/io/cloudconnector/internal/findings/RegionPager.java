package io.cloudconnector.internal.findings;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.TruncatedFinding;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FetchedFindings;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@link RegionRead} page by page, on demand: checks each finding (a malformed one, one the AWS side had to
 * leave out, or a repeat of one earlier in the same page is reported to the listener and skipped; a field the AWS
 * side cut short is reported as truncated), drops findings outside the read's scope, and lets through only new ones
 * ({@link CursorWindow}). Fetching a page and processing it are separate steps, so that one thread can fetch the next
 * page while another processes this one; the fetching fields and the processing fields are each kept by one thread at
 * a time. Holds one page at a time, two when the steps overlap.
 *
 * <p>When Security Hub rejects a page token (expired, or otherwise invalid), the read starts again from its first
 * page, once; the window drops what was already let through. A second rejection fails the read. So does a page that
 * hands back the token it was asked with (the read would never end), and a read longer than {@value #MAX_PAGES}
 * pages.
 */
final class RegionPager {

    private static final Logger LOG = LoggerFactory.getLogger(RegionPager.class);
    private static final String INVALID_INPUT = "InvalidInputException";
    private static final int BAD_REQUEST = 400;
    private static final String OPERATION = "securityhub:GetFindings";

    /** The most pages one read may take: 10 million findings at 100 a page. */
    static final int MAX_PAGES = 100_000;

    private final FindingsPort port;
    private final ConnectorSpec spec;
    private final RegionRead read;
    private final FindingQuery query;
    private final FindingsListener listener;
    private final CursorWindow window;
    private final int maxPages;
    private Optional<String> nextToken = Optional.empty();
    private boolean restarted;
    private boolean done;
    private int pages;
    private int processed;
    private volatile int delivered;
    private int skipped;

    /**
     * @param start where an earlier read stopped; findings it covers are not let through again
     */
    RegionPager(FindingsPort port, ConnectorSpec spec, RegionRead read, FindingQuery query,
        Optional<FindingsCursor> start, FindingsListener listener) {
        this(port, spec, read, query, start, listener, MAX_PAGES);
    }

    /** A pager that fails the read after {@code maxPages} pages rather than {@value #MAX_PAGES}. */
    RegionPager(FindingsPort port, ConnectorSpec spec, RegionRead read, FindingQuery query,
        Optional<FindingsCursor> start, FindingsListener listener, int maxPages) {
        this.maxPages = maxPages;
        this.port = port;
        this.spec = spec;
        this.read = read;
        this.query = query;
        this.listener = listener;
        this.window = new CursorWindow(start);
    }

    /**
     * The new findings of the next page (possibly none), or empty when the read is over: {@link #fetchNext()} and
     * {@link #process(FetchedFindings)} on the caller's thread.
     *
     * @throws io.cloudconnector.ConnectorException when a call fails
     */
    Optional<List<Finding>> next() {
        return fetchNext().map(this::process);
    }

    /**
     * Fetches the next page without reading it, or empty when the read is over. The pages fetched must be
     * {@link #process processed} in the order fetched, one at a time; that may happen on another thread, while this
     * one fetches the next page.
     *
     * @throws io.cloudconnector.ConnectorException when a call fails
     */
    Optional<FetchedFindings> fetchNext() {
        if (done) {
            return Optional.empty();
        }
        if (pages >= maxPages) {
            throw endless("went on past " + maxPages + " pages");
        }
        Optional<String> asked = nextToken;
        FetchedFindings page = fetch();
        pages++;
        nextToken = page.nextToken().filter(token -> !token.isEmpty());
        if (nextToken.isPresent() && nextToken.equals(asked)) {
            throw endless("handed back the NextToken it was asked with (page " + pages + ")");
        }
        done = nextToken.isEmpty();
        return Optional.of(page);
    }

    /**
     * The new findings of a page {@link #fetchNext()} returned (possibly none).
     *
     * @throws io.cloudconnector.ConnectorException when the page cannot be read
     */
    List<Finding> process(FetchedFindings fetched) {
        FindingsPage page = fetched.read();
        page.rejected().forEach(rejected -> skip(rejected.id(), rejected.reason()));
        page.truncated().forEach(this::truncated);
        List<Finding> fresh = new ArrayList<>();
        Set<String> inPage = new HashSet<>();
        for (AsffFinding raw : page.findings()) {
            accept(raw, inPage).ifPresent(fresh::add);
        }
        delivered += fresh.size();
        processed++;
        if (fetched.nextToken().filter(token -> !token.isEmpty()).isEmpty()) {
            LOG.info("Read {} findings of account {} in {} ({}, {} pages, {} malformed skipped)", delivered,
                spec.awsAccountId(), read.readRegion(), read.detail(), processed, skipped);
        }
        return fresh;
    }

    /** Where the read stands: the newest {@code UpdatedAt} let through and the keys let through at it. */
    Optional<FindingsCursor> cursor() {
        return window.cursor();
    }

    /** The read this pager works through. */
    RegionRead read() {
        return read;
    }

    private FetchedFindings fetch() {
        try {
            return port.fetch(spec, request());
        } catch (CloudServiceException e) {
            if (nextToken.isEmpty() || restarted || !isRejectedToken(e)) {
                throw e;
            }
            LOG.info("Security Hub rejected the page token of account {} in {} ({}); reading the region again "
                + "from its first page, skipping what was delivered", spec.awsAccountId(), read.readRegion(),
                e.getMessage());
            restarted = true;
            nextToken = Optional.empty();
            return port.fetch(spec, request());
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

    /** The finding {@code raw} stands for, when it is well-formed, in scope, new, and not a repeat in its page. */
    private Optional<Finding> accept(AsffFinding raw, Set<String> inPage) {
        Finding finding;
        try {
            finding = FindingMapper.map(raw, read.readRegion());
        } catch (MalformedFindingException e) {
            skip(raw.id(), e.getMessage());
            return Optional.empty();
        }
        if (!inPage.add(finding.key() + ' ' + finding.updatedAt())) {
            skip(raw.id(), "repeats a finding earlier in the same page (same Id, ProductArn and UpdatedAt)");
            return Optional.empty();
        }
        if (!read.scope().contains(finding.region()) || !window.admit(finding)) {
            return Optional.empty();
        }
        return Optional.of(finding);
    }

    private void skip(Optional<String> id, String reason) {
        skipped++;
        LOG.warn("Skipped a malformed finding {} of account {} in {}: {}", id.orElse("(no Id)"), spec.awsAccountId(),
            read.readRegion(), reason);
        listener.skipped(SkippedFinding.of(read.readRegion(), id, reason));
    }

    private void truncated(FindingsPage.TruncatedField field) {
        LOG.warn("Finding {} of account {} in {}: {} cut short from {} to {}", field.findingId().orElse("(no Id)"),
            spec.awsAccountId(), read.readRegion(), field.field(), field.originalLength(), field.keptLength());
        listener.truncated(TruncatedFinding.of(read.readRegion(), field.findingId(), field.field(),
            field.originalLength(), field.keptLength()));
    }

    private CloudServiceException endless(String problem) {
        return new CloudServiceException(OPERATION + " in " + read.readRegion() + " " + problem
            + "; stopping the read instead of looping (" + delivered + " findings were delivered before)", "aws",
            OPERATION, read.readRegion(), 0, null, null, false, null);
    }

    /** Whether Security Hub refused the page token: HTTP 400 {@code InvalidInputException} naming the token. */
    static boolean isRejectedToken(CloudServiceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return e.statusCode() == BAD_REQUEST && e.errorCode().filter(INVALID_INPUT::equals).isPresent()
            && message.contains("token");
    }
}
