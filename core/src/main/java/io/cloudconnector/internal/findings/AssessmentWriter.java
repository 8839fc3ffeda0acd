package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.FindingResource;
import io.cloudconnector.RecordState;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.WorkflowStatus;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AssessmentRecord;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes control findings as Defender for Cloud custom assessments: one metadata entry per control (named by a GUID
 * derived from the control ID, so every run and every host names it the same), and the control's result per AWS
 * resource.
 *
 * <p>Where a result goes. AWS resources have no Azure resource ID, and an assessment can only be written on a
 * resource that exists in Azure (a made-up child path of the connector resource is not one: ARM rejects a parent
 * that does not exist). So:
 * <ul>
 *   <li>an EC2 instance onboarded to Azure Arc gets its own assessment on its Arc machine
 *       ({@code Microsoft.HybridCompute/machines/{instance ID}}), the only Azure resource that stands for an AWS
 *       resource;</li>
 *   <li>every other resource is reported in one assessment per control on the connector's subscription
 *       ({@code /subscriptions/{id}}): its additional data maps each AWS resource ID to its status, and its status
 *       is Unhealthy when any resource is, else Healthy when any is, else NotApplicable. The current entry is read
 *       once per control and run ({@code listAssessments}) and written only when a page changes it.</li>
 * </ul>
 * A result is Healthy for PASSED, Unhealthy for FAILED, and NotApplicable for WARNING, NOT_AVAILABLE, an archived
 * finding or a suppressed one. Every write waits for the write rate limiter. Metadata is written the first time a
 * run meets its control (a PUT of the same content changes nothing in Azure).
 */
final class AssessmentWriter {

    static final String HEALTHY = "Healthy";
    static final String UNHEALTHY = "Unhealthy";
    static final String NOT_APPLICABLE = "NotApplicable";
    private static final String EC2_INSTANCE = "AwsEc2Instance";
    private static final String INSTANCE_PATH = "instance/";
    private static final String METADATA_NAMESPACE = "cloud-connector/aws-securityhub-control/";

    private final ConnectorSpec spec;
    private final AssessmentPort port;
    private final Map<String, String> arcMachines;
    private final RateLimiter limiter;
    private final String subscriptionScope;
    private final Set<String> metadataDone = new HashSet<>();
    private final Map<String, Map<String, String>> subscriptionResults = new HashMap<>();
    private int findingsWritten;
    private int findingsWithoutControl;
    private int metadataWritten;
    private int assessmentsWritten;

    /**
     * @param arcMachines Arc machine resource IDs by EC2 instance ID, lower case
     */
    AssessmentWriter(ConnectorSpec spec, AssessmentPort port, Map<String, String> arcMachines, RateLimiter limiter) {
        this.spec = spec;
        this.port = port;
        this.arcMachines = arcMachines;
        this.limiter = limiter;
        this.subscriptionScope = "/subscriptions/" + spec.subscriptionId();
    }

    /** The GUID name of a control's metadata: a name-based UUID of the control ID. */
    static String metadataName(String controlId) {
        return UUID.nameUUIDFromBytes((METADATA_NAMESPACE + controlId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The assessment status code of a finding's result. */
    static String statusCode(Finding finding) {
        if (finding.recordState() == RecordState.ARCHIVED || finding.workflowStatus() == WorkflowStatus.SUPPRESSED) {
            return NOT_APPLICABLE;
        }
        ComplianceStatus status = finding.compliance().orElseThrow().status();
        return status == ComplianceStatus.PASSED ? HEALTHY
            : status == ComplianceStatus.FAILED ? UNHEALTHY : NOT_APPLICABLE;
    }

    /**
     * Writes one page's findings: metadata and per-machine results in finding order, then the changed subscription
     * entries in order of first change.
     *
     * @throws io.cloudconnector.ConnectorException when a write fails
     */
    void write(List<Finding> findings) {
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        Map<String, String> controls = new HashMap<>();
        for (Finding finding : findings) {
            if (!isControlResult(finding)) {
                findingsWithoutControl++;
                continue;
            }
            String controlId = finding.compliance().orElseThrow().controlId().orElseThrow();
            String name = metadataName(controlId);
            controls.put(name, controlId);
            writeMetadata(name, controlId, finding);
            for (FindingResource resource : finding.resources()) {
                String machine = instanceId(resource)
                    .map(id -> arcMachines.get(id.toLowerCase(Locale.ROOT))).orElse(null);
                if (machine != null) {
                    put(machineResult(machine, name, controlId, finding, resource));
                } else {
                    changes.computeIfAbsent(name, key -> new TreeMap<>()).put(resource.id(), statusCode(finding));
                }
            }
            findingsWritten++;
        }
        changes.forEach((name, results) -> mergeSubscriptionResult(name, controls.get(name), results));
    }

    int findingsWritten() {
        return findingsWritten;
    }

    int findingsWithoutControl() {
        return findingsWithoutControl;
    }

    int metadataWritten() {
        return metadataWritten;
    }

    int assessmentsWritten() {
        return assessmentsWritten;
    }

    private void writeMetadata(String name, String controlId, Finding finding) {
        if (!metadataDone.add(name)) {
            return;
        }
        String remediation = finding.remediationText().orElse("See the control's page in the AWS Security Hub "
            + "documentation.") + finding.remediationUrl().map(url -> " " + url).orElse("");
        AssessmentMetadata metadata = AssessmentMetadata.builder()
            .name(name)
            .displayName("AWS " + controlId + ": " + finding.title())
            .severity(severity(finding.severity().label()))
            .description(finding.description())
            .remediationDescription(remediation)
            .build();
        RateLimiter.waitForPermission(limiter);
        port.putMetadata(spec.subscriptionId(), metadata);
        metadataWritten++;
    }

    private AssessmentRecord machineResult(String machine, String name, String controlId, Finding finding,
        FindingResource resource) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("awsAccountId", finding.awsAccountId());
        data.put("awsRegion", finding.region());
        data.put("awsResourceId", resource.id());
        data.put("awsResourceType", resource.type());
        data.put("controlId", controlId);
        data.put("findingId", finding.id());
        data.put("findingUpdatedAt", finding.updatedAt().toString());
        return AssessmentRecord.builder()
            .resourceId(machine)
            .metadataName(name)
            .statusCode(statusCode(finding))
            .cause(cause(finding))
            .description(finding.title())
            .additionalData(data)
            .build();
    }

    private void mergeSubscriptionResult(String name, String controlId, Map<String, String> changes) {
        Map<String, String> current = subscriptionResults.computeIfAbsent(name, this::readSubscriptionResult);
        Map<String, String> merged = new TreeMap<>(current);
        merged.putAll(changes);
        if (merged.equals(current)) {
            return;
        }
        long unhealthy = merged.values().stream().filter(UNHEALTHY::equals).count();
        String status = unhealthy > 0 ? UNHEALTHY : merged.containsValue(HEALTHY) ? HEALTHY : NOT_APPLICABLE;
        put(AssessmentRecord.builder()
            .resourceId(subscriptionScope)
            .metadataName(name)
            .statusCode(status)
            .cause(unhealthy > 0 ? unhealthy + " of " + merged.size() + " AWS resources failed " + controlId : "")
            .description("Security Hub control " + controlId + " on AWS account " + spec.awsAccountId()
                + ", for resources without an Azure resource; each resource's status is in the additional data")
            .additionalData(merged)
            .build());
        subscriptionResults.put(name, merged);
    }

    private Map<String, String> readSubscriptionResult(String name) {
        return port.listAssessments(subscriptionScope, name).stream()
            .filter(record -> record.resourceId().equalsIgnoreCase(subscriptionScope))
            .findFirst()
            .<Map<String, String>>map(record -> new TreeMap<>(record.additionalData()))
            .orElseGet(TreeMap::new);
    }

    private void put(AssessmentRecord record) {
        RateLimiter.waitForPermission(limiter);
        port.putAssessment(record);
        assessmentsWritten++;
    }

    private static String cause(Finding finding) {
        if (finding.recordState() == RecordState.ARCHIVED) {
            return "The finding is archived in Security Hub";
        }
        if (finding.workflowStatus() == WorkflowStatus.SUPPRESSED) {
            return "The finding is suppressed in Security Hub";
        }
        return "Security Hub reports " + finding.compliance().orElseThrow().status();
    }

    private static boolean isControlResult(Finding finding) {
        return finding.compliance().flatMap(FindingCompliance::controlId).isPresent();
    }

    /** The EC2 instance ID of a resource, when it is an EC2 instance ({@code arn:...:instance/i-0abc}). */
    static Optional<String> instanceId(FindingResource resource) {
        int at = resource.id().lastIndexOf(INSTANCE_PATH);
        if (!EC2_INSTANCE.equals(resource.type()) || at < 0) {
            return Optional.empty();
        }
        return Optional.of(resource.id().substring(at + INSTANCE_PATH.length()));
    }

    private static String severity(SeverityLabel label) {
        return switch (label) {
            case CRITICAL, HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW, INFORMATIONAL -> "Low";
        };
    }
}
