package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.TruncatedFinding;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a region read does with pages that lost findings, repeat themselves, or never end. */
class RegionPagerTest {

    private static final String REGION = "us-east-1";
    private static final ConnectorSpec SPEC = TestFindings.spec(REGION);
    private static final RegionRead READ = new RegionRead(REGION, Set.of(REGION), List.of(REGION), "read directly");

    private final FindingsTally tally = new FindingsTally();

    @Test
    void next_pageWithRejectedAndTruncatedFindings_reportsThemAndDeliversTheRest() {
        FindingsPage page = FindingsPage.builder()
            .addFindings(TestFindings.plain("kept", REGION, 1))
            .addRejected(FindingsPage.RejectedFinding.builder().id("bad").reason("Title is a number, not a string")
                .build())
            .addTruncated(FindingsPage.TruncatedField.builder().findingId("kept").field("Description")
                .originalLength(10_000_000).keptLength(8_192).build())
            .build();

        List<Finding> delivered = pager(request -> page, 10).next().orElseThrow();

        assertThat(delivered).extracting(Finding::id).containsExactly("kept");
        assertThat(tally.skipped()).containsExactly(SkippedFinding.of(REGION, Optional.of("bad"),
            "Title is a number, not a string"));
        assertThat(tally.truncated()).containsExactly(TruncatedFinding.of(REGION, Optional.of("kept"),
            "Description", 10_000_000, 8_192));
    }

    @Test
    void next_sameFindingTwiceInAPage_secondSkippedAsARepeat() {
        AsffFinding finding = TestFindings.plain("twice", REGION, 1);
        FindingsPage page = FindingsPage.builder().addFindings(finding, finding).build();

        List<Finding> delivered = pager(request -> page, 10).next().orElseThrow();

        assertThat(delivered).extracting(Finding::id).containsExactly("twice");
        assertThat(tally.skippedCount()).isEqualTo(1);
        assertThat(tally.skipped().get(0).reason()).startsWith("repeats a finding earlier in the same page");
    }

    @Test
    void next_tokenHandedBackAsItWasAsked_failsTheReadInsteadOfLooping() {
        RegionPager pager = pager(request -> FindingsPage.builder()
            .addFindings(TestFindings.plain("only", REGION, 1)).nextToken("again").build(), 10);
        pager.next();

        assertThatThrownBy(pager::next)
            .isInstanceOf(CloudServiceException.class)
            .hasMessage("securityhub:GetFindings in us-east-1 handed back the NextToken it was asked with (page 2);"
                + " stopping the read instead of looping (1 findings were delivered before)");
    }

    @Test
    void next_pagesThatNeverEnd_failTheReadAtThePageLimit() {
        List<String> asked = new ArrayList<>();
        RegionPager pager = pager(request -> {
            asked.add(request.nextToken().orElse("first"));
            return FindingsPage.builder().nextToken("token-" + asked.size()).build();
        }, 3);
        pager.next();
        pager.next();
        pager.next();

        assertThatThrownBy(pager::next)
            .isInstanceOf(CloudServiceException.class)
            .hasMessageStartingWith("securityhub:GetFindings in us-east-1 went on past 3 pages");
        assertThat(asked).hasSize(3);
    }

    private RegionPager pager(Function<FindingsPageRequest, FindingsPage> pages, int maxPages) {
        return new RegionPager(new PagesOnly(pages), SPEC, READ, FindingQuery.activeFindings(), Optional.empty(),
            tally, maxPages);
    }

    /** A findings port that answers {@code GetFindings} with {@code pages} and nothing else. */
    private record PagesOnly(Function<FindingsPageRequest, FindingsPage> pages) implements FindingsPort {

        @Override
        public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
            return pages.apply(request);
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
        public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String arn) {
            return List.of();
        }
    }
}
