package io.cloudconnector.internal.findings;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AssessmentRecord;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fakes of the AWS and Azure sides for the findings tests. */
final class FakeSides {

    private FakeSides() {
    }

    /** An AWS side with the given regions and findings port. */
    static AwsSide aws(List<RegionInfo> regions, FindingsPort findings) {
        AccountPort account = new RegionsOnly(regions);
        return new AwsSide() {
            @Override
            public AccountPort account() {
                return account;
            }

            @Override
            public FleetPort fleet() {
                throw new UnsupportedOperationException("fleet");
            }

            @Override
            public FindingsPort findings() {
                return findings;
            }

            @Override
            public void close() {
            }
        };
    }

    /** An Azure side with the given assessments and Arc machines. */
    static AzureSide azure(AssessmentPort assessments, List<ArcMachine> machines) {
        return new AzureSide() {
            @Override
            public ConnectorPort connectors() {
                throw new UnsupportedOperationException("connectors");
            }

            @Override
            public ArcPort arc() {
                return spec -> machines;
            }

            @Override
            public AssessmentPort assessments() {
                return assessments;
            }

            @Override
            public void close() {
            }
        };
    }

    /** An account port that only knows its regions. */
    record RegionsOnly(List<RegionInfo> regions) implements AccountPort {

        @Override
        public CallerIdentity callerIdentity(ConnectorSpec spec) {
            throw new UnsupportedOperationException("callerIdentity");
        }

        @Override
        public List<RegionInfo> regions(ConnectorSpec spec) {
            return regions;
        }

        @Override
        public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
            throw new UnsupportedOperationException("configRecorder");
        }

        @Override
        public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
            throw new UnsupportedOperationException("securityHub");
        }

        @Override
        public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
            throw new UnsupportedOperationException("role");
        }

        @Override
        public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
            throw new UnsupportedOperationException("user");
        }
    }

    /**
     * Defender for Cloud assessments in memory: every write recorded in order, the latest record kept per resource
     * and metadata name; a write can be made to fail, like a process that dies.
     */
    static class FakeAssessments implements AssessmentPort {

        final List<Object> writes = new ArrayList<>();
        final Map<String, AssessmentRecord> stored = new LinkedHashMap<>();
        int writesUntilCrash = Integer.MAX_VALUE;

        @Override
        public void putMetadata(String subscriptionId, AssessmentMetadata metadata) {
            crashIfDue();
            writes.add(metadata);
        }

        @Override
        public void putAssessment(AssessmentRecord assessment) {
            crashIfDue();
            writes.add(assessment);
            stored.put(assessment.resourceId() + "|" + assessment.metadataName(), assessment);
        }

        @Override
        public List<AssessmentRecord> listAssessments(String scopeId, String metadataName) {
            return stored.values().stream()
                .filter(record -> record.resourceId().startsWith(scopeId))
                .filter(record -> record.metadataName().equals(metadataName))
                .toList();
        }

        List<AssessmentRecord> assessmentWrites() {
            return writes.stream().filter(AssessmentRecord.class::isInstance).map(AssessmentRecord.class::cast)
                .toList();
        }

        private void crashIfDue() {
            if (writesUntilCrash-- <= 0) {
                throw new ProcessKilled();
            }
        }
    }

    /** Stands for the process dying: not a {@link io.cloudconnector.ConnectorException}, so nothing catches it. */
    static final class ProcessKilled extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ProcessKilled() {
            super("killed");
        }
    }
}
