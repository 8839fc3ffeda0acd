package io.cloudconnector.internal.findings;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.TruncatedFinding;
import io.cloudconnector.spi.FetchedFindings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings of several region reads fetched side by side, so that each region's own quota is used at once: up to
 * {@code parallelism} reads page on their own threads into one bounded queue, and the consumer takes the pages in the
 * order they arrive (oldest first within a read; the reads interleave). Each read fetches its next page while its
 * last one is processed (read, checked and mapped) on a second thread. Memory stays bounded: the queue holds at most
 * {@code parallelism} pages, and each read at most two more: one processed and waiting for room, one fetched and
 * waiting to be processed.
 *
 * <p>Nothing is fetched before the consumer asks for the first finding. What a read tells its listener (skipped and
 * truncated findings, its failure) travels with its pages and reaches the listener on the consumer's thread, in
 * order. A read that fails is logged and reported for every region it covers, and the others go on.
 * {@link #close()} stops every read; a stream consumed to its end stops them too. Sequential, not splittable.
 */
final class ParallelReads extends Spliterators.AbstractSpliterator<Finding> {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelReads.class);
    private static final long OFFER_WAIT_MILLIS = 100;

    /**
     * What a reading thread hands the consumer: a page, the end of its read, or how the read failed, with what the
     * read told its listener meanwhile (skipped and truncated findings), to be replayed on the consumer's thread.
     */
    private record Item(RegionRead read, List<Finding> page, List<Consumer<FindingsListener>> heard, boolean last,
        RuntimeException failure) {
    }

    private final List<RegionRead> reads;
    private final BiFunction<RegionRead, FindingsListener, RegionPager> pagers;
    private final FindingsListener listener;
    private final int parallelism;
    private final BlockingQueue<Item> queue;
    private ExecutorService pool;
    private ExecutorService processors;
    private int unfinished;
    private Iterator<Finding> page = Collections.emptyIterator();
    private volatile boolean closed;

    /**
     * @param pagers makes the pager of a read, reporting to the listener it is given
     * @param parallelism how many reads are fetched at once, at least 1
     */
    ParallelReads(List<RegionRead> reads, BiFunction<RegionRead, FindingsListener, RegionPager> pagers,
        FindingsListener listener, int parallelism) {
        super(Long.MAX_VALUE, Spliterator.NONNULL);
        this.reads = List.copyOf(reads);
        this.pagers = pagers;
        this.listener = listener;
        this.parallelism = Math.max(1, Math.min(parallelism, reads.size()));
        this.queue = new ArrayBlockingQueue<>(this.parallelism);
        this.unfinished = reads.size();
    }

    @Override
    public boolean tryAdvance(Consumer<? super Finding> action) {
        start();
        while (!closed) {
            if (page.hasNext()) {
                action.accept(page.next());
                return true;
            }
            if (unfinished == 0) {
                close();
                return false;
            }
            take();
        }
        return false;
    }

    /** Stops every read: after it, the stream ends. */
    void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
            processors.shutdownNow();
        }
    }

    private void start() {
        if (pool != null || closed) {
            return;
        }
        pool = Executors.newFixedThreadPool(parallelism, threads("connector-findings-"));
        processors = Executors.newFixedThreadPool(parallelism, threads("connector-findings-processing-"));
        reads.forEach(read -> pool.execute(() -> fetch(read)));
    }

    /**
     * Runs on a fetching thread: pages through {@code read} until it ends, fails, or the stream is closed. Each page
     * is processed (read, checked, mapped) on a processing thread while this one fetches the next; a read has at most
     * one page in processing, so its pages reach the queue in order.
     */
    private void fetch(RegionRead read) {
        List<Consumer<FindingsListener>> heard = new ArrayList<>();
        FindingsListener collect = new FindingsListener() {
            @Override
            public void skipped(SkippedFinding finding) {
                heard.add(listener -> listener.skipped(finding));
            }

            @Override
            public void truncated(TruncatedFinding finding) {
                heard.add(listener -> listener.truncated(finding));
            }
        };
        Future<Boolean> processing = CompletableFuture.completedFuture(true);
        try {
            RegionPager pager = pagers.apply(read, collect);
            Optional<FetchedFindings> next = pager.fetchNext();
            while (next.isPresent() && !closed) {
                FetchedFindings page = next.get();
                if (!processed(processing)) {
                    return;
                }
                processing = processors.submit(() -> process(read, pager, page, heard));
                next = pager.fetchNext();
            }
            if (processed(processing)) {
                hand(new Item(read, List.of(), drain(heard), true, null));
            }
        } catch (RuntimeException e) {
            if (processed(processing)) {
                hand(new Item(read, List.of(), drain(heard), true, e));
            }
        }
    }

    /**
     * Runs on a processing thread: hands the page's new findings on, or the read's failure; whether it went on. An
     * {@link Error} is handed on too (wrapped), so that the consumer sees it instead of waiting for the read's end.
     */
    private boolean process(RegionRead read, RegionPager pager, FetchedFindings page,
        List<Consumer<FindingsListener>> heard) {
        try {
            hand(new Item(read, pager.process(page), drain(heard), false, null));
            return true;
        } catch (RuntimeException e) {
            hand(new Item(read, List.of(), drain(heard), true, e));
            return false;
        } catch (Error e) {
            hand(new Item(read, List.of(), drain(heard), true, new IllegalStateException("Processing a page of "
                + "findings in " + read.readRegion() + " failed: " + e, e)));
            throw e;
        }
    }

    /** Waits for the page in processing: whether it was handed on (not failed, and the stream not closed). */
    private boolean processed(Future<Boolean> processing) {
        while (!closed) {
            try {
                return processing.get(OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillProcessing) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
        return false;
    }

    private static List<Consumer<FindingsListener>> drain(List<Consumer<FindingsListener>> heard) {
        List<Consumer<FindingsListener>> copy = List.copyOf(heard);
        heard.clear();
        return copy;
    }

    private void hand(Item item) {
        try {
            boolean handed = false;
            while (!closed && !handed) {
                handed = queue.offer(item, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Takes the next item off the queue and applies it. */
    private void take() {
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ConnectorException("Interrupted while waiting for a page of findings", e);
        }
        item.heard().forEach(event -> event.accept(listener));
        page = item.page().iterator();
        if (!item.last()) {
            return;
        }
        unfinished--;
        if (item.failure() instanceof ConnectorException failure) {
            LOG.warn("Reading findings in {} failed; going on with the other regions: {}", item.read().readRegion(),
                failure.getMessage());
            item.read().scope().stream().sorted().forEach(region -> listener.regionFailed(region, failure));
        } else if (item.failure() != null) {
            close();
            throw item.failure();
        }
    }
}
