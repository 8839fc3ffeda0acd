package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FetchedFindings;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FindingsStreamTest {

    private static final List<RegionInfo> REGIONS = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
        RegionInfo.of("eu-west-1", "opt-in-not-required"), RegionInfo.of("ap-south-1", "opt-in-not-required"),
        RegionInfo.of("af-south-1", "not-opted-in"));

    private final FakeFindingsPort port = new FakeFindingsPort();
    private final FindingsTally tally = new FindingsTally();

    private List<Finding> read(ConnectorSpec spec) {
        try (Stream<Finding> findings = service().findings(spec, FindingQuery.activeFindings(), tally)) {
            return findings.toList();
        }
    }

    private FindingsService service() {
        return new FindingsService(FakeSides.aws(REGIONS, port), FakeSides.azure(null, List.of()));
    }

    private void addFindings(String region, int count) {
        IntStream.range(0, count).forEach(i -> port.add(TestFindings.plain(region + "-" + i, region, i)));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    @Test
    void findings_takeFiveInOneRegion_fetchesOnlyTheReadAhead() {
        port.pageSize = 10;
        addFindings("us-east-1", 250);

        try (Stream<Finding> findings = service().findings(TestFindings.spec("us-east-1"),
            FindingQuery.activeFindings(), tally)) {
            assertThat(findings.limit(5).toList()).hasSize(5);
        }

        // The page being consumed, one queued, one processed and waiting for room, one fetched and waiting to be
        // processed.
        assertThat(port.pagesFetched()).isLessThanOrEqualTo(4);
    }

    @Test
    void findings_takeFiveOneRegionAtATime_fetchesOnePageOnly() {
        port.pageSize = 100;
        addFindings("us-east-1", 250);
        FindingsService sequential = new FindingsService(FakeSides.aws(REGIONS, port), FakeSides.azure(null,
            List.of()), 1);

        try (Stream<Finding> findings = sequential.findings(TestFindings.spec("us-east-1"),
            FindingQuery.activeFindings(), tally)) {
            assertThat(findings.limit(5).toList()).hasSize(5);
        }

        assertThat(port.pagesFetched()).isEqualTo(1);
    }

    @Test
    void findings_beforeConsumption_fetchesNothing() {
        addFindings("us-east-1", 10);

        try (Stream<Finding> findings = service().findings(TestFindings.spec(), FindingQuery.activeFindings(),
            tally)) {
            assertThat(port.pagesFetched()).isZero();
            assertThat(findings.findFirst()).isPresent();
        }
    }

    @Test
    void findings_everyEnabledRegion_readOldestFirstAndFilteredOnItsOwnName() {
        addFindings("us-east-1", 4);
        addFindings("eu-west-1", 2);

        List<Finding> findings = read(TestFindings.spec());

        assertThat(ids(findings)).hasSize(6);
        assertThat(ids(findings).stream().filter(id -> id.startsWith("us-east-1"))).containsExactly("us-east-1-0",
            "us-east-1-1", "us-east-1-2", "us-east-1-3");
        assertThat(ids(findings).stream().filter(id -> id.startsWith("eu-west-1"))).containsExactly("eu-west-1-0",
            "eu-west-1-1");
        assertThat(port.requests).extracting(FindingsPageRequest::region).doesNotContain("af-south-1");
        assertThat(port.requests).allSatisfy(request ->
            assertThat(request.regionFilter()).containsExactly(request.region()));
    }

    @Test
    void findings_withAggregator_readsOnlyTheHomeRegionAndCountsNothingTwice() {
        port.aggregator = Optional.of(AggregatorFacts.builder().arn("arn:agg").homeRegion("us-east-1")
            .linkingMode("ALL_REGIONS").build());
        addFindings("us-east-1", 2);
        port.addIn("us-east-1", TestFindings.plain("eu-1", "eu-west-1", 5));
        port.addIn("us-east-1", TestFindings.plain("ap-1", "ap-south-1", 6));
        port.add(TestFindings.plain("eu-1", "eu-west-1", 5));

        List<Finding> findings = read(TestFindings.spec());

        assertThat(ids(findings)).containsExactly("us-east-1-0", "us-east-1-1", "eu-1", "ap-1");
        assertThat(port.requests).extracting(FindingsPageRequest::region).containsOnly("us-east-1");
        assertThat(port.requests.get(0).regionFilter()).containsExactly("us-east-1", "eu-west-1", "ap-south-1");
    }

    @Test
    void findings_aggregatorLinkingSomeRegions_readsTheOthersDirectly() {
        port.aggregator = Optional.of(AggregatorFacts.builder().arn("arn:agg").homeRegion("us-east-1")
            .linkingMode("SPECIFIED_REGIONS").addRegions("eu-west-1").build());
        port.addIn("us-east-1", TestFindings.plain("eu-1", "eu-west-1", 1));
        port.addIn("us-east-1", TestFindings.plain("ap-linked-elsewhere", "ap-south-1", 2));
        port.add(TestFindings.plain("ap-1", "ap-south-1", 3));

        List<Finding> findings = read(TestFindings.spec("eu-west-1", "ap-south-1"));

        assertThat(ids(findings)).containsExactlyInAnyOrder("eu-1", "ap-1");
        assertThat(port.requests).extracting(FindingsPageRequest::region)
            .containsExactlyInAnyOrder("us-east-1", "ap-south-1");
    }

    @Test
    void findings_aggregatorLookupFails_readsEveryRegionByItself() {
        port.aggregatorFailure = new AccessDeniedException("denied", "aws", "securityhub:ListFindingAggregators",
            "us-east-1", 403, "AccessDeniedException", null, "securityhub:ListFindingAggregators", null);
        addFindings("us-east-1", 1);
        addFindings("eu-west-1", 1);

        assertThat(ids(read(TestFindings.spec()))).containsExactlyInAnyOrder("us-east-1-0", "eu-west-1-0");
    }

    @Test
    void findings_sameFindingRepeatedAtThePageBoundary_deliveredOnce() {
        port.pageSize = 2;
        AsffFinding repeated = TestFindings.plain("dup", "us-east-1", 1);
        port.add(TestFindings.plain("a", "us-east-1", 0)).add(repeated).add(repeated)
            .add(TestFindings.plain("b", "us-east-1", 2));

        assertThat(ids(read(TestFindings.spec("us-east-1")))).containsExactly("a", "dup", "b");
    }

    @Test
    void findings_updatedWhileRead_newerVersionFollowsAndAStaleCopyIsDropped() {
        port.sorted = false;
        port.pageSize = 2;
        port.add(TestFindings.plain("x", "us-east-1", 5)).add(TestFindings.plain("y", "us-east-1", 6))
            .add(TestFindings.plain("x", "us-east-1", 10)).add(TestFindings.plain("x", "us-east-1", 5));

        List<Finding> findings = read(TestFindings.spec("us-east-1"));

        assertThat(findings).extracting(Finding::id, Finding::updatedAt).containsExactly(
            tuple("x", TestFindings.T0.plusSeconds(300)),
            tuple("y", TestFindings.T0.plusSeconds(360)),
            tuple("x", TestFindings.T0.plusSeconds(600)));
    }

    @Test
    void findings_rejectedToken_restartsTheRegionOnceSkippingWhatWasDelivered() {
        port.pageSize = 2;
        addFindings("us-east-1", 5);
        port.tokensToReject.add("offset:4");

        List<Finding> findings = read(TestFindings.spec("us-east-1"));

        assertThat(ids(findings)).containsExactly("us-east-1-0", "us-east-1-1", "us-east-1-2", "us-east-1-3",
            "us-east-1-4");
        assertThat(port.requests).extracting(request -> request.nextToken().orElse("first"))
            .containsExactly("first", "offset:2", "offset:4", "first", "offset:2", "offset:4");
        assertThat(tally.failedRegions()).isEmpty();
    }

    @Test
    void findings_tokenRejectedAgainAfterTheRestart_failsThatRegionOnly() {
        port.pageSize = 2;
        addFindings("us-east-1", 3);
        addFindings("eu-west-1", 1);
        port.rejectEveryToken = true;

        List<Finding> findings = read(TestFindings.spec("us-east-1", "eu-west-1"));

        assertThat(ids(findings)).containsExactlyInAnyOrder("us-east-1-0", "us-east-1-1", "eu-west-1-0");
        assertThat(ids(findings)).filteredOn(id -> id.startsWith("us-east-1")).containsExactly("us-east-1-0",
            "us-east-1-1");
        assertThat(tally.failedRegions()).containsOnlyKeys("us-east-1");
        assertThat(tally.failedRegions().get("us-east-1")).hasMessageContaining("NextToken");
    }

    @Test
    void findings_malformedFinding_skippedCountedAndTheStreamGoesOn() {
        port.add(TestFindings.plain("good-1", "us-east-1", 0))
            .add(AsffFinding.builder().from(TestFindings.plain("bad", "us-east-1", 1)).severityLabel("SEVERE")
                .build())
            .add(TestFindings.plain("good-2", "us-east-1", 2));

        List<Finding> findings = read(TestFindings.spec("us-east-1"));

        assertThat(ids(findings)).containsExactly("good-1", "good-2");
        assertThat(tally.skippedCount()).isEqualTo(1);
        assertThat(tally.skipped()).containsExactly(SkippedFinding.of("us-east-1", Optional.of("bad"),
            "unknown Severity.Label 'SEVERE'"));
    }

    @Test
    void findings_regionFails_otherRegionsStillDelivered() {
        addFindings("us-east-1", 2);
        addFindings("eu-west-1", 2);
        port.failingRegions.put("us-east-1", new AccessDeniedException("securityhub:GetFindings in us-east-1 "
            + "failed", "aws", "securityhub:GetFindings", "us-east-1", 403, "AccessDeniedException", null,
            "securityhub:GetFindings", null));

        List<Finding> findings = read(TestFindings.spec("us-east-1", "eu-west-1"));

        assertThat(ids(findings)).containsExactly("eu-west-1-0", "eu-west-1-1");
        assertThat(tally.failedRegions()).containsOnlyKeys("us-east-1");
    }

    @Test
    void findings_closedEarlyInOneRegion_stopsFetching() {
        port.pageSize = 1;
        addFindings("us-east-1", 10);
        Stream<Finding> findings = service().findings(TestFindings.spec("us-east-1"), FindingQuery.activeFindings(),
            tally);
        var iterator = findings.iterator();
        iterator.next();

        findings.close();

        assertThat(iterator.hasNext()).isFalse();
        assertThat(port.pagesFetched()).isLessThanOrEqualTo(4);
    }

    @Test
    void findings_closedEarlyInSeveralRegions_stopsFetchingWithinTheReadAhead() {
        port.pageSize = 1;
        addFindings("us-east-1", 30);
        Stream<Finding> findings = service().findings(TestFindings.spec(), FindingQuery.activeFindings(), tally);
        var iterator = findings.iterator();
        iterator.next();

        findings.close();

        assertThat(iterator.hasNext()).isFalse();
        // 3 reads: at most 3 pages queued, 2 held by each read (processed, and fetched), 1 being consumed.
        assertThat(port.pagesFetched()).isLessThanOrEqualTo(10);
    }

    @Test
    void findings_severalRegions_readSideBySide() {
        port.pageSize = 1;
        addFindings("us-east-1", 3);
        addFindings("eu-west-1", 3);
        CountDownLatch euStarted = new CountDownLatch(1);
        AtomicBoolean waitedInVain = new AtomicBoolean();
        FindingsPort waitsForEurope = new FindingsPort() {
            @Override
            public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
                if (request.region().equals("eu-west-1")) {
                    euStarted.countDown();
                } else if (request.nextToken().isPresent() && !awaitQuietly(euStarted)) {
                    waitedInVain.set(true);
                }
                return port.findings(spec, request);
            }

            @Override
            public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
                return Optional.empty();
            }

            @Override
            public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
                return List.of();
            }

            @Override
            public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region,
                String subscriptionArn) {
                return List.of();
            }
        };
        FindingsService service = new FindingsService(FakeSides.aws(REGIONS, waitsForEurope),
            FakeSides.azure(null, List.of()));

        List<Finding> findings;
        try (Stream<Finding> stream = service.findings(TestFindings.spec("us-east-1", "eu-west-1"),
            FindingQuery.activeFindings(), tally)) {
            findings = stream.toList();
        }

        assertThat(ids(findings)).hasSize(6);
        assertThat(waitedInVain).isFalse();
    }

    @Test
    void findings_severalRegionsOneReadInOrder_listenerHearsOnTheConsumingThread() {
        port.add(TestFindings.plain("us-1", "us-east-1", 0)).add(TestFindings.plain("eu-1", "eu-west-1", 0))
            .add(AsffFinding.builder().from(TestFindings.plain("bad", "eu-west-1", 1)).severityLabel("SEVERE")
                .build());
        List<Thread> heardOn = new ArrayList<>();
        FindingsListener listener = new FindingsListener() {
            @Override
            public void skipped(SkippedFinding finding) {
                heardOn.add(Thread.currentThread());
            }
        };

        try (Stream<Finding> findings = service().findings(TestFindings.spec("us-east-1", "eu-west-1"),
            FindingQuery.activeFindings(), listener)) {
            assertThat(ids(findings.toList())).containsExactlyInAnyOrder("us-1", "eu-1");
        }

        assertThat(heardOn).containsExactly(Thread.currentThread());
    }

    @Test
    void findings_oneRegion_fetchesTheNextPageWhileThisOneIsRead() {
        port.pageSize = 2;
        addFindings("us-east-1", 6);
        CountDownLatch secondPageFetched = new CountDownLatch(1);
        AtomicBoolean waitedInVain = new AtomicBoolean();
        FindingsPort overlapping = new DeferredPort(port) {
            @Override
            public FetchedFindings fetch(ConnectorSpec spec, FindingsPageRequest request) {
                boolean first = request.nextToken().isEmpty();
                if (!first) {
                    secondPageFetched.countDown();
                }
                FindingsPage page = port.findings(spec, request);
                return FetchedFindings.of(page.nextToken(), () -> {
                    if (first && !awaitQuietly(secondPageFetched)) {
                        waitedInVain.set(true);
                    }
                    return page;
                });
            }
        };

        List<Finding> findings;
        try (Stream<Finding> stream = service(overlapping).findings(TestFindings.spec("us-east-1"),
            FindingQuery.activeFindings(), tally)) {
            findings = stream.toList();
        }

        assertThat(ids(findings)).containsExactly("us-east-1-0", "us-east-1-1", "us-east-1-2", "us-east-1-3",
            "us-east-1-4", "us-east-1-5");
        assertThat(waitedInVain).isFalse();
    }

    @Test
    void findings_pageFetchedButUnreadable_failsThatRegionAfterTheFindingsBeforeIt() {
        port.pageSize = 2;
        addFindings("us-east-1", 6);
        addFindings("eu-west-1", 3);
        CloudServiceException unreadable = new CloudServiceException("securityhub:GetFindings in us-east-1 answered "
            + "a page that could not be read", "aws", "securityhub:GetFindings", "us-east-1", 0, null, null, false,
            null);
        FindingsPort secondPageUnreadable = new DeferredPort(port) {
            @Override
            public FetchedFindings fetch(ConnectorSpec spec, FindingsPageRequest request) {
                FindingsPage page = port.findings(spec, request);
                boolean broken = request.region().equals("us-east-1")
                    && request.nextToken().equals(Optional.of("offset:2"));
                return FetchedFindings.of(page.nextToken(), () -> {
                    if (broken) {
                        throw unreadable;
                    }
                    return page;
                });
            }
        };

        List<Finding> findings;
        try (Stream<Finding> stream = service(secondPageUnreadable).findings(TestFindings.spec("us-east-1",
            "eu-west-1"), FindingQuery.activeFindings(), tally)) {
            findings = stream.toList();
        }

        assertThat(ids(findings)).containsExactlyInAnyOrder("us-east-1-0", "us-east-1-1", "eu-west-1-0",
            "eu-west-1-1", "eu-west-1-2");
        assertThat(tally.failedRegions()).containsOnlyKeys("us-east-1");
        assertThat(tally.failedRegions().get("us-east-1")).isSameAs(unreadable);
    }

    @Test
    void findings_errorWhileAPageIsRead_reachesTheConsumerInsteadOfHangingTheStream() {
        port.pageSize = 2;
        addFindings("us-east-1", 6);
        AssertionError broken = new AssertionError("mapping bug");
        FindingsPort failsHard = new DeferredPort(port) {
            @Override
            public FetchedFindings fetch(ConnectorSpec spec, FindingsPageRequest request) {
                FindingsPage page = port.findings(spec, request);
                return FetchedFindings.of(page.nextToken(), () -> {
                    if (request.nextToken().isPresent()) {
                        throw broken;
                    }
                    return page;
                });
            }
        };

        try (Stream<Finding> stream = service(failsHard).findings(TestFindings.spec("us-east-1"),
            FindingQuery.activeFindings(), tally)) {
            assertThatThrownBy(stream::toList).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Processing a page of findings in us-east-1 failed").hasCause(broken);
        }
    }

    private FindingsService service(FindingsPort findings) {
        return new FindingsService(FakeSides.aws(REGIONS, findings), FakeSides.azure(null, List.of()));
    }

    /** A findings port over {@code port} whose pages are fetched and read in two steps. */
    private abstract static class DeferredPort implements FindingsPort {

        private final FindingsPort port;

        DeferredPort(FindingsPort port) {
            this.port = port;
        }

        @Override
        public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
            return fetch(spec, request).read();
        }

        @Override
        public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
            return port.findingAggregator(spec, region);
        }

        @Override
        public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
            return port.enabledStandards(spec, region);
        }

        @Override
        public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region,
            String subscriptionArn) {
            return port.standardsControls(spec, region, subscriptionArn);
        }
    }

    /** Waits for {@code latch}, at most long enough that a read which never overlaps cannot hang the test. */
    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
