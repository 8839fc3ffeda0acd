package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.RecordState;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports control findings to Defender for Cloud as custom assessments, incrementally, one region read after the
 * other and one page at a time: a page's findings are written, then the read's cursor is saved; a run that dies
 * resumes after the last saved page. Only findings with a control result and a control ID are exported; every
 * record state is read, so an archived finding turns its assessment NotApplicable.
 *
 * <p>Where an assessment goes: see {@link AssessmentWriter}.
 */
final class FindingsExporter {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsExporter.class);

    /** How far before the saved watermark a resumed read starts, whether or not AWS's date filter is inclusive. */
    static final Duration WATERMARK_OVERLAP = Duration.ofSeconds(1);
    private static final Duration WRITE_PERMIT_TIMEOUT = Duration.ofMinutes(5);

    private final FindingsReader reader;
    private final AssessmentPort assessments;
    private final Supplier<ArcPort> arc;

    /**
     * @param arc the Arc machines, asked only when the spec has Arc settings
     */
    FindingsExporter(FindingsReader reader, AssessmentPort assessments, Supplier<ArcPort> arc) {
        this.reader = reader;
        this.assessments = assessments;
        this.arc = arc;
    }

    ExportResult export(ConnectorSpec spec, ExportOptions options) {
        FindingsPlan plan = reader.plan(spec);
        AssessmentWriter writer = new AssessmentWriter(spec, assessments, arcMachines(spec), writeLimiter(spec,
            options));
        FindingsTally tally = new FindingsTally();
        Map<String, String> failures = new LinkedHashMap<>();
        AtomicInteger pages = new AtomicInteger();
        for (RegionRead read : plan.reads()) {
            try {
                exportRead(spec, options, read, writer, tally, pages);
            } catch (ConnectorException | RequestNotPermitted e) {
                LOG.warn("Exporting the findings of account {} read in {} stopped at the last saved page: {}",
                    spec.awsAccountId(), read.readRegion(), e.getMessage());
                read.scope().forEach(region -> failures.put(region, e.getMessage()));
            }
        }
        return ExportResult.builder()
            .findingsExported(writer.findingsWritten())
            .findingsSkipped(writer.findingsWithoutControl() + (int) tally.skippedCount())
            .metadataWritten(writer.metadataWritten())
            .assessmentsWritten(writer.assessmentsWritten())
            .pagesCommitted(pages.get())
            .regions(plan.results(failures))
            .build();
    }

    private void exportRead(ConnectorSpec spec, ExportOptions options, RegionRead read, AssessmentWriter writer,
        FindingsTally tally, AtomicInteger committed) {
        String key = checkpointKey(spec, read.readRegion());
        Optional<FindingsCursor> saved = options.checkpoints().load(key);
        RegionPager pager = reader.pager(spec, read, query(saved), saved, tally);
        int pages = 0;
        for (Optional<List<Finding>> page = pager.next(); page.isPresent(); page = pager.next()) {
            writer.write(page.get());
            Optional<FindingsCursor> cursor = pager.cursor();
            if (cursor.isPresent() && !cursor.equals(saved)) {
                options.checkpoints().save(key, cursor.get());
                saved = cursor;
            }
            committed.incrementAndGet();
            pages++;
        }
        LOG.info("Exported the findings of account {} read in {} up to {} ({} pages)", spec.awsAccountId(),
            read.readRegion(), saved.map(FindingsCursor::watermark).map(Object::toString).orElse("the start"), pages);
    }

    /** Control findings of every record state, updated since shortly before the saved watermark. */
    static FindingQuery query(Optional<FindingsCursor> saved) {
        return FindingQuery.builder()
            .addComplianceStatuses(ComplianceStatus.values())
            .recordStates(List.of(RecordState.values()))
            .updatedSince(saved.map(cursor -> cursor.watermark().minus(WATERMARK_OVERLAP)))
            .build();
    }

    /** The key a read's cursor is saved under: account, subscription, connector name and the region called. */
    static String checkpointKey(ConnectorSpec spec, String readRegion) {
        return String.join("/", "findings-export", spec.awsAccountId(), spec.subscriptionId(),
            spec.connectorName(), readRegion);
    }

    private Map<String, String> arcMachines(ConnectorSpec spec) {
        if (spec.arc().isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, String> byInstance = new LinkedHashMap<>();
            for (ArcMachine machine : arc.get().machines(spec)) {
                byInstance.put(machine.name().toLowerCase(Locale.ROOT), machine.id());
            }
            return byInstance;
        } catch (ConnectorException e) {
            LOG.warn("Could not list the Arc machines of {}; EC2 findings go to the subscription's assessments: {}",
                spec.displayName(), e.getMessage());
            return Map.of();
        }
    }

    private static RateLimiter writeLimiter(ConnectorSpec spec, ExportOptions options) {
        return RateLimiter.of("assessment-writes-" + spec.subscriptionId(), RateLimiterConfig.custom()
            .limitForPeriod(options.maxWritesPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(WRITE_PERMIT_TIMEOUT)
            .build());
    }
}
