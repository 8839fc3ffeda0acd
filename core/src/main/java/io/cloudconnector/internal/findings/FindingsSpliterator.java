package io.cloudconnector.internal.findings;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingsListener;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings of several region reads, one after the other, fetched a page at a time as the consumer asks for them:
 * it holds one page, never more. A read that fails is reported to the listener for every region it covers and the
 * next read goes on. Sequential, ordered, not splittable.
 */
final class FindingsSpliterator extends Spliterators.AbstractSpliterator<Finding> {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsSpliterator.class);

    private final Iterator<RegionRead> reads;
    private final Function<RegionRead, RegionPager> pagers;
    private final FindingsListener listener;
    private RegionPager pager;
    private Iterator<Finding> page = Collections.emptyIterator();
    private volatile boolean closed;

    /**
     * @param pagers makes the pager of a read, when the read's turn comes
     */
    FindingsSpliterator(List<RegionRead> reads, Function<RegionRead, RegionPager> pagers,
        FindingsListener listener) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.reads = reads.iterator();
        this.pagers = pagers;
        this.listener = listener;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Finding> action) {
        while (!closed) {
            if (page.hasNext()) {
                action.accept(page.next());
                return true;
            }
            if (pager == null) {
                if (!reads.hasNext()) {
                    return false;
                }
                pager = pagers.apply(reads.next());
            }
            nextPage();
        }
        return false;
    }

    /** Stops fetching: after it, the stream ends. */
    void close() {
        closed = true;
    }

    private void nextPage() {
        try {
            Optional<List<Finding>> next = pager.next();
            if (next.isPresent()) {
                page = next.get().iterator();
            } else {
                pager = null;
            }
        } catch (ConnectorException e) {
            RegionRead failed = pager.read();
            pager = null;
            LOG.warn("Reading findings in {} failed; going on with the other regions: {}", failed.readRegion(),
                e.getMessage());
            failed.scope().stream().sorted().forEach(region -> listener.regionFailed(region, e));
        }
    }
}
