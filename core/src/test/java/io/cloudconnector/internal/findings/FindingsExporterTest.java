package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.CheckpointStore;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.FileCheckpointStore;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.RegionResult;
import io.cloudconnector.Secret;
import io.cloudconnector.internal.findings.FakeSides.FakeAssessments;
import io.cloudconnector.internal.findings.FakeSides.ProcessKilled;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentRecord;
import io.cloudconnector.spi.RegionInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsExporterTest {

    private static final String MACHINE = "/subscriptions/" + TestFindings.SUBSCRIPTION
        + "/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/i-0aaa";
    private static final String SCOPE = "/subscriptions/" + TestFindings.SUBSCRIPTION;
    private static final List<RegionInfo> REGIONS = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"));

    @TempDir
    Path directory;

    private final FakeFindingsPort port = new FakeFindingsPort();
    private final FakeAssessments assessments = new FakeAssessments();

    @BeforeEach
    void seed() {
        port.pageSize = 3;
        port.add(TestFindings.control("1", "us-east-1", 1, "EC2.8", "FAILED",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0aaa"))
            .add(TestFindings.control("2", "us-east-1", 2, "S3.1", "FAILED", "arn:aws:s3:::one"))
            .add(TestFindings.control("3", "us-east-1", 3, "S3.1", "PASSED", "arn:aws:s3:::two"))
            .add(TestFindings.control("4", "us-east-1", 4, "EC2.8", "PASSED",
                "arn:aws:ec2:us-east-1:123456789012:instance/i-0bbb"))
            .add(AsffFinding.builder().from(TestFindings.control("5", "us-east-1", 5, "IAM.6", "FAILED",
                "arn:aws:iam::123456789012:root")).recordState("ARCHIVED").build())
            .add(AsffFinding.builder().from(TestFindings.plain("6", "us-east-1", 6))
                .compliance(AsffCompliance.builder().status("FAILED").build()).build())
            .add(TestFindings.control("7", "us-east-1", 7, "S3.1", "FAILED", "arn:aws:s3:::two"))
            .add(TestFindings.plain("guardduty", "us-east-1", 8))
            .add(TestFindings.control("9", "us-east-1", 9, "IAM.6", "PASSED", "arn:aws:iam::123456789012:root"));
    }

    private ExportResult export(CheckpointStore store) {
        FindingsService service = new FindingsService(FakeSides.aws(REGIONS, port), FakeSides.azure(assessments,
            List.of(ArcMachine.builder().id(MACHINE).name("i-0aaa").build())));
        return service.exportFindings(spec(), ExportOptions.builder().checkpoints(store).maxWritesPerSecond(10_000)
            .build());
    }

    private static ConnectorSpec spec() {
        return ConnectorSpec.builder().from(TestFindings.spec("us-east-1"))
            .arc(ArcSettings.builder().resourceGroup("rg").azureRegion("westus2")
                .servicePrincipalId("11111111-2222-3333-4444-555555555555")
                .servicePrincipalSecret(Secret.of("sp-secret")).build())
            .build();
    }

    private AssessmentRecord stored(String resourceId, String controlId) {
        return assessments.stored.get(resourceId + "|" + AssessmentWriter.metadataName(controlId));
    }

    @Test
    void export_firstRun_writesOneMetadataPerControlAndEachResultWhereItBelongs() {
        ExportResult result = export(FileCheckpointStore.in(directory));

        assertThat(result.findingsExported()).isEqualTo(7);
        assertThat(result.findingsSkipped()).isEqualTo(1);
        assertThat(result.pagesCommitted()).isEqualTo(3);
        assertThat(result.regions()).extracting(RegionResult::status).containsExactly(RegionResult.Status.READ);
        assertThat(assessments.writes).filteredOn(AssessmentMetadata.class::isInstance)
            .extracting(write -> ((AssessmentMetadata) write).name())
            .containsExactly(AssessmentWriter.metadataName("EC2.8"), AssessmentWriter.metadataName("S3.1"),
                AssessmentWriter.metadataName("IAM.6"));
        assertThat(result.metadataWritten()).isEqualTo(3);
        AssessmentRecord machine = stored(MACHINE, "EC2.8");
        assertThat(machine.statusCode()).isEqualTo("Unhealthy");
        assertThat(machine.additionalData()).containsEntry("awsResourceId",
            "arn:aws:ec2:us-east-1:123456789012:instance/i-0aaa").containsEntry("findingId", "1");
        assertThat(stored(SCOPE, "EC2.8").additionalData())
            .isEqualTo(Map.of("arn:aws:ec2:us-east-1:123456789012:instance/i-0bbb", "Healthy"));
        assertThat(stored(SCOPE, "S3.1").additionalData())
            .isEqualTo(Map.of("arn:aws:s3:::one", "Unhealthy", "arn:aws:s3:::two", "Unhealthy"));
        assertThat(stored(SCOPE, "S3.1").statusCode()).isEqualTo("Unhealthy");
        assertThat(stored(SCOPE, "S3.1").cause()).isEqualTo("2 of 2 AWS resources failed S3.1");
        assertThat(stored(SCOPE, "IAM.6").statusCode()).isEqualTo("Healthy");
    }

    @Test
    void export_archivedFinding_isNotApplicable() {
        port.findings.get("us-east-1").removeIf(finding -> finding.id().orElseThrow().equals("9"));

        export(FileCheckpointStore.in(directory));

        assertThat(stored(SCOPE, "IAM.6").statusCode()).isEqualTo("NotApplicable");
        assertThat(stored(SCOPE, "IAM.6").additionalData())
            .containsEntry("arn:aws:iam::123456789012:root", "NotApplicable");
    }

    @Test
    void export_savesTheCursorOfTheLastPage() {
        FileCheckpointStore store = FileCheckpointStore.in(directory);

        export(store);

        assertThat(store.load(FindingsExporter.checkpointKey(spec(), "us-east-1")))
            .contains(FindingsCursor.of(TestFindings.T0.plusSeconds(9 * 60), Set.of(TestFindings.PRODUCT + " 9")));
    }

    @Test
    void export_runAgainWithNothingNew_writesNothing() {
        FileCheckpointStore store = FileCheckpointStore.in(directory);
        export(store);
        int writes = assessments.writes.size();

        ExportResult again = export(store);

        assertThat(assessments.writes).hasSize(writes);
        assertThat(again.findingsExported()).isZero();
        assertThat(again.assessmentsWritten()).isZero();
        assertThat(port.requests.get(port.requests.size() - 1).query().updatedSince())
            .contains(TestFindings.T0.plusSeconds(9 * 60 - 1));
    }

    @Test
    void export_newFindingSinceTheLastRun_onlyItIsWritten() {
        FileCheckpointStore store = FileCheckpointStore.in(directory);
        export(store);
        int writes = assessments.writes.size();
        port.add(TestFindings.control("10", "us-east-1", 10, "S3.1", "PASSED", "arn:aws:s3:::one"));

        ExportResult again = export(store);

        assertThat(again.findingsExported()).isEqualTo(1);
        assertThat(assessments.writes.subList(writes, assessments.writes.size()))
            .extracting(write -> write.getClass().getSimpleName())
            .containsExactly("ImmutableAssessmentMetadata", "ImmutableAssessmentRecord");
        assertThat(stored(SCOPE, "S3.1").additionalData()).containsEntry("arn:aws:s3:::one", "Healthy");
    }

    @Test
    void export_killedAfterItsSecondPage_resumesWithNothingLostAndNothingWrittenTwice() {
        FakeAssessments reference = new FakeAssessments();
        new FindingsService(FakeSides.aws(REGIONS, port), FakeSides.azure(reference,
            List.of(ArcMachine.builder().id(MACHINE).name("i-0aaa").build())))
            .exportFindings(spec(), ExportOptions.builder().checkpoints(FileCheckpointStore.in(directory
                .resolve("reference"))).maxWritesPerSecond(10_000).build());
        CheckpointStore dying = new DyingAfterSaves(FileCheckpointStore.in(directory.resolve("run")), 2,
            assessments);

        assertThatThrownBy(() -> export(dying)).isInstanceOf(ProcessKilled.class);
        int writtenBeforeTheCrash = assessments.assessmentWrites().size();
        assessments.writesUntilCrash = Integer.MAX_VALUE;
        export(FileCheckpointStore.in(directory.resolve("run")));

        assertThat(writtenBeforeTheCrash).isPositive().isLessThan(reference.assessmentWrites().size());
        assertThat(assessments.assessmentWrites()).containsExactlyElementsOf(reference.assessmentWrites());
        assertThat(assessments.stored).isEqualTo(reference.stored);
        assertThat(metadataNames(assessments)).isEqualTo(metadataNames(reference));
    }

    @Test
    void export_writeFails_regionFailedAndCheckpointStaysAtTheLastCompletePage() {
        FileCheckpointStore store = FileCheckpointStore.in(directory);
        FakeAssessments failing = new FakeAssessments() {
            @Override
            public void putAssessment(AssessmentRecord assessment) {
                if (assessment.metadataName().equals(AssessmentWriter.metadataName("IAM.6"))) {
                    throw new CloudServiceException("PUT assessment failed: 500", "azure", "assessments/put", null,
                        500, "InternalServerError", null, true, null);
                }
                super.putAssessment(assessment);
            }
        };
        ExportResult result = new FindingsService(FakeSides.aws(REGIONS, port), FakeSides.azure(failing, List.of()))
            .exportFindings(spec(), ExportOptions.of(store));

        assertThat(result.complete()).isFalse();
        assertThat(result.regions()).singleElement().satisfies(region -> assertThat(region.detail())
            .contains("PUT assessment failed"));
        assertThat(result.pagesCommitted()).isEqualTo(1);
        assertThat(store.load(FindingsExporter.checkpointKey(spec(), "us-east-1")).orElseThrow().watermark())
            .isEqualTo(TestFindings.T0.plusSeconds(3 * 60));
    }

    @Test
    void metadataName_sameControl_sameGuidEveryTime() {
        assertThat(AssessmentWriter.metadataName("IAM.6")).isEqualTo(AssessmentWriter.metadataName("IAM.6"))
            .isNotEqualTo(AssessmentWriter.metadataName("IAM.7"));
        assertThat(UUID.fromString(AssessmentWriter.metadataName("IAM.6")).version()).isEqualTo(3);
    }

    private static Set<String> metadataNames(FakeAssessments fake) {
        return fake.writes.stream().filter(AssessmentMetadata.class::isInstance)
            .map(write -> ((AssessmentMetadata) write).name()).collect(Collectors.toSet());
    }

    /** A store whose process dies right after its n-th save: the next Azure write kills it. */
    private static final class DyingAfterSaves implements CheckpointStore {

        private final CheckpointStore delegate;
        private final FakeAssessments assessments;
        private int savesLeft;

        DyingAfterSaves(CheckpointStore delegate, int saves, FakeAssessments assessments) {
            this.delegate = delegate;
            this.savesLeft = saves;
            this.assessments = assessments;
        }

        @Override
        public Optional<FindingsCursor> load(String key) {
            return delegate.load(key);
        }

        @Override
        public void save(String key, FindingsCursor cursor) {
            delegate.save(key, cursor);
            if (--savesLeft == 0) {
                assessments.writesUntilCrash = 0;
            }
        }
    }
}
