package io.cloudconnector.internal.readiness;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConfigRecorderFacts.Recorder;
import java.util.List;

/**
 * Check 3, per region: an AWS Config recorder exists, is recording, and its last status is not a failure; a WARN when
 * it does not record every supported resource type.
 */
final class ConfigRules {

    private static final String FAILURE = "Failure";

    private ConfigRules() {
    }

    static List<ReadinessCheck> evaluate(String accountId, String region, Gathered<ConfigRecorderFacts> facts) {
        Where where = Where.region(region);
        if (!facts.ok()) {
            return List.of(Failures.error(CheckType.CONFIG_RECORDER, where, facts));
        }
        List<Recorder> recorders = facts.value().recorders();
        if (recorders.isEmpty()) {
            return List.of(CheckType.CONFIG_RECORDER.fail(where, "No AWS Config recorder in " + region,
                setUp(accountId, region)));
        }
        Recorder recorder = recorders.stream().filter(Recorder::recording).findFirst().orElse(recorders.get(0));
        return List.of(recording(where, recorder), resourceTypes(where, recorder));
    }

    private static ReadinessCheck recording(Where where, Recorder recorder) {
        String name = "Recorder '" + recorder.name() + "'";
        if (!recorder.recording()) {
            return CheckType.CONFIG_RECORDER.fail(where, name + " exists but is not recording",
                "aws configservice start-configuration-recorder --region " + where.region()
                    + " --configuration-recorder-name " + recorder.name());
        }
        String status = recorder.lastStatus().orElse("not reported");
        if (FAILURE.equalsIgnoreCase(status)) {
            return CheckType.CONFIG_RECORDER.fail(where,
                name + " is recording, but its last status is Failure ("
                    + recorder.lastErrorCode().orElse("no error code") + ")",
                "Check the recorder's IAM role and delivery channel: AWS Config console (region " + where.region()
                    + ") > Settings; the error code names the cause");
        }
        return CheckType.CONFIG_RECORDER.pass(where, name + " is recording (last status: " + status + ")");
    }

    private static ReadinessCheck resourceTypes(Where where, Recorder recorder) {
        String name = "Recorder '" + recorder.name() + "'";
        if (recorder.allSupported()) {
            return CheckType.CONFIG_RESOURCE_TYPES.pass(where, name + " records all supported resource types"
                + (recorder.includeGlobalResourceTypes() ? ", global ones (IAM) included" : ""));
        }
        return CheckType.CONFIG_RESOURCE_TYPES.warn(where,
            name + " records only selected resource types; Defender for Cloud may miss resources",
            "AWS Config console (region " + where.region() + ") > Settings > Edit > Recording strategy: all resource "
                + "types, or\naws configservice put-configuration-recorder --region " + where.region()
                + " --configuration-recorder name=" + recorder.name() + ",roleARN=<the recorder's role ARN>"
                + " --recording-group allSupported=true,includeGlobalResourceTypes=true");
    }

    private static String setUp(String accountId, String region) {
        return "AWS Config console (region " + region + ") > Get started > record all resource types, or:\n"
            + "aws configservice put-configuration-recorder --region " + region
            + " --configuration-recorder name=default,roleARN=arn:aws:iam::" + accountId
            + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
            + " --recording-group allSupported=true,includeGlobalResourceTypes=true\n"
            + "aws configservice put-delivery-channel --region " + region
            + " --delivery-channel name=default,s3BucketName=<your bucket>\n"
            + "aws configservice start-configuration-recorder --region " + region
            + " --configuration-recorder-name default";
    }
}
