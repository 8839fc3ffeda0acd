package io.cloudconnector.aws.internal;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AccountPort;
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

/** The sides around the real Security Hub port: fake regions, fake Defender for Cloud assessments. */
final class TestSides {

    private TestSides() {
    }

    static ConnectorSpec spec() {
        return ConnectorSpec.builder()
            .displayName("wire-test")
            .subscriptionId("00000000-0000-0000-0000-000000000001")
            .tenantId("00000000-0000-0000-0000-000000000002")
            .awsAccountId(FindingsFixture.ACCOUNT)
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build();
    }

    /** An AWS side whose regions are {@code regions} (all enabled) and whose findings port is {@code findings}. */
    static AwsSide aws(List<String> regions, FindingsPort findings, AutoCloseable resources) {
        AccountPort account = new RegionsOnly(regions.stream()
            .map(region -> RegionInfo.of(region, "opt-in-not-required")).toList());
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
                try {
                    resources.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static AzureSide azure(AssessmentPort assessments) {
        return new AzureSide() {
            @Override
            public ConnectorPort connectors() {
                throw new UnsupportedOperationException("connectors");
            }

            @Override
            public ArcPort arc() {
                return spec -> List.of();
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

    /** An account port that knows only its regions. */
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

    /** Assessments in memory; every write recorded in order; armed, the next write dies like the process would. */
    static final class Assessments implements AssessmentPort {

        final List<Object> writes = new ArrayList<>();
        final Map<String, AssessmentRecord> stored = new LinkedHashMap<>();
        boolean dieOnNextWrite;

        @Override
        public void putMetadata(String subscriptionId, AssessmentMetadata metadata) {
            dieIfArmed();
            writes.add(metadata);
        }

        @Override
        public void putAssessment(AssessmentRecord assessment) {
            dieIfArmed();
            writes.add(assessment);
            stored.put(assessment.resourceId() + "|" + assessment.metadataName(), assessment);
        }

        @Override
        public List<AssessmentRecord> listAssessments(String scopeId, String metadataName) {
            return stored.values().stream().filter(record -> record.resourceId().startsWith(scopeId))
                .filter(record -> record.metadataName().equals(metadataName)).toList();
        }

        List<AssessmentRecord> assessmentWrites() {
            return writes.stream().filter(AssessmentRecord.class::isInstance).map(AssessmentRecord.class::cast)
                .toList();
        }

        private void dieIfArmed() {
            if (dieOnNextWrite) {
                throw new ProcessKilled();
            }
        }
    }

    /** Stands for the process dying mid-export. */
    static final class ProcessKilled extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ProcessKilled() {
            super("killed");
        }
    }
}
