package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Config (JSON 1.1, {@code StarlingDoveService.*}): the configuration recorder, its status and the delivery
 * channel per region, and the writes that switch recording on (PutConfigurationRecorder, PutDeliveryChannel,
 * Start/StopConfigurationRecorder). As AWS Config does, PutDeliveryChannel needs a recorder, at most one channel per
 * region, and an S3 bucket whose policy lets AWS Config deliver to it. A seeded channel is named {@code default} and
 * delivers to the seeded bucket (see {@link S3Handler}). Thread-safe.
 */
final class ConfigHandler {

    private static final Instant STARTED = Instant.parse("2024-01-10T12:00:00Z");
    private static final String DEFAULT_CHANNEL = "default";

    private static final class Recorder {
        String name;
        String roleArn;
        boolean recording;
        String lastStatus;
        boolean allSupported;
        boolean includeGlobal;
        List<String> resourceTypes;
        String lastErrorCode;
        boolean deliveryChannel;
        String channelName;
        String channelBucket;
        Instant lastStart = STARTED;
        Instant lastStop;
        boolean exists;
    }

    private final String account;
    private final Clock clock;
    private final S3Handler s3;
    private final Map<String, Recorder> recorders = new HashMap<>();

    ConfigHandler(SandboxSeed seed, Clock clock, S3Handler s3) {
        this.account = seed.accountId();
        this.clock = clock;
        this.s3 = s3;
        seed.regions().forEach(region -> region.config().ifPresent(c -> {
            Recorder r = new Recorder();
            r.exists = true;
            r.name = c.name();
            r.roleArn = "arn:aws:iam::" + account
                + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
            r.recording = c.recording();
            r.lastStatus = c.lastStatus();
            r.allSupported = c.allSupported();
            r.includeGlobal = c.includeGlobalResourceTypes();
            r.resourceTypes = c.resourceTypes();
            r.lastErrorCode = c.lastErrorCode().orElse(null);
            r.deliveryChannel = c.deliveryChannel();
            r.channelName = c.deliveryChannel() ? DEFAULT_CHANNEL : null;
            r.channelBucket = c.deliveryChannel() ? S3Handler.configBucket(account) : null;
            r.lastStop = c.recording() ? null : Instant.parse("2025-09-18T16:20:00Z");
            recorders.put(region.name(), r);
        }));
    }

    synchronized Reply handle(AwsRequest call) {
        Recorder recorder = recorders.computeIfAbsent(call.region, r -> new Recorder());
        return switch (call.operation) {
            case "DescribeConfigurationRecorders" -> describe(call, recorder, false);
            case "DescribeConfigurationRecorderStatus" -> describe(call, recorder, true);
            case "PutConfigurationRecorder" -> put(call, recorder);
            case "DescribeDeliveryChannels" -> channels(call, recorder);
            case "PutDeliveryChannel" -> putChannel(call, recorder);
            case "StartConfigurationRecorder" -> start(call, recorder, true);
            case "StopConfigurationRecorder" -> start(call, recorder, false);
            default -> call.service.error(400, "UnknownOperationException", "Unknown operation " + call.operation);
        };
    }

    private Reply describe(AwsRequest call, Recorder recorder, boolean status) {
        List<String> names = Json.texts(call.json, "ConfigurationRecorderNames");
        if (!names.isEmpty() && (!recorder.exists || !names.contains(recorder.name))) {
            return call.service.error(400, "NoSuchConfigurationRecorderException", "Cannot find configuration "
                + "recorder with the specified name '" + names.get(0) + "'.");
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray(status ? "ConfigurationRecordersStatus" : "ConfigurationRecorders");
        if (recorder.exists) {
            list.add(status ? status(recorder) : recorder(recorder));
        }
        return call.jsonResult(body);
    }

    private static ObjectNode recorder(Recorder r) {
        ObjectNode node = Json.object().put("name", r.name).put("roleARN", r.roleArn);
        ObjectNode group = node.putObject("recordingGroup").put("allSupported", r.allSupported)
            .put("includeGlobalResourceTypes", r.includeGlobal);
        ArrayNode types = group.putArray("resourceTypes");
        r.resourceTypes.forEach(types::add);
        group.putObject("exclusionByResourceTypes").putArray("resourceTypes");
        group.putObject("recordingStrategy").put("useOnly", r.allSupported ? "ALL_SUPPORTED_RESOURCE_TYPES"
            : "INCLUSION_BY_RESOURCE_TYPES");
        node.putObject("recordingMode").put("recordingFrequency", "CONTINUOUS");
        return node;
    }

    private static ObjectNode status(Recorder r) {
        ObjectNode node = Json.object().put("name", r.name).put("recording", r.recording)
            .put("lastStatus", r.lastStatus).put("lastStartTime", r.lastStart.getEpochSecond())
            .put("lastStatusChangeTime", (r.lastStop == null ? r.lastStart : r.lastStop).getEpochSecond());
        if (r.lastStop != null) {
            node.put("lastStopTime", r.lastStop.getEpochSecond());
        }
        if (r.lastErrorCode != null) {
            node.put("lastErrorCode", r.lastErrorCode).put("lastErrorMessage", "The recorder failed: "
                + r.lastErrorCode);
        }
        return node;
    }

    private Reply put(AwsRequest call, Recorder recorder) {
        JsonNode input = call.json.path("ConfigurationRecorder");
        String name = input.path("name").asText("default");
        if (recorder.exists && !recorder.name.equals(name)) {
            return call.service.error(400, "MaxNumberOfConfigurationRecordersExceededException", "Failed to put "
                + "configuration recorder '" + name + "' because the maximum number of configuration recorders: 1 "
                + "is reached.");
        }
        String roleArn = input.path("roleARN").asText("");
        if (roleArn.isEmpty()) {
            return call.service.error(400, "InvalidRoleException", "You have provided a null or empty role ARN.");
        }
        recorder.exists = true;
        recorder.name = name;
        recorder.roleArn = roleArn;
        recorder.allSupported = input.path("recordingGroup").path("allSupported").asBoolean(true);
        recorder.includeGlobal = input.path("recordingGroup").path("includeGlobalResourceTypes").asBoolean(false);
        recorder.resourceTypes = Json.texts(input.path("recordingGroup"), "resourceTypes");
        recorder.lastStatus = recorder.lastStatus == null ? "Pending" : recorder.lastStatus;
        return call.jsonResult(Json.object());
    }

    private Reply channels(AwsRequest call, Recorder recorder) {
        List<String> names = Json.texts(call.json, "DeliveryChannelNames");
        if (!names.isEmpty() && (!recorder.deliveryChannel || !names.contains(recorder.channelName))) {
            return call.service.error(400, "NoSuchDeliveryChannelException", "Cannot find delivery channel with "
                + "specified name '" + names.get(0) + "'.");
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("DeliveryChannels");
        if (recorder.deliveryChannel) {
            list.addObject().put("name", recorder.channelName).put("s3BucketName", recorder.channelBucket)
                .putObject("configSnapshotDeliveryProperties").put("deliveryFrequency", "TwentyFour_Hours");
        }
        return call.jsonResult(body);
    }

    private Reply putChannel(AwsRequest call, Recorder recorder) {
        JsonNode input = call.json.path("DeliveryChannel");
        String name = input.path("name").asText("default");
        String bucket = input.path("s3BucketName").asText("");
        if (!recorder.exists) {
            return call.service.error(400, "NoAvailableConfigurationRecorderException", "Configuration recorder is "
                + "not available to put delivery channel.");
        }
        if (recorder.deliveryChannel && !recorder.channelName.equals(name)) {
            return call.service.error(400, "MaxNumberOfDeliveryChannelsExceededException", "Failed to put delivery "
                + "channel '" + name + "' because the maximum number of delivery channels: 1 is reached.");
        }
        S3Handler.Delivery delivery = bucket.isEmpty() ? S3Handler.Delivery.NO_SUCH_BUCKET : s3.configDelivery(bucket);
        if (delivery == S3Handler.Delivery.NO_SUCH_BUCKET) {
            return call.service.error(400, "NoSuchBucketException", "Cannot find a S3 bucket with "
                + (bucket.isEmpty() ? "an empty bucket name." : "name " + bucket + "."));
        }
        if (delivery == S3Handler.Delivery.POLICY_INSUFFICIENT) {
            return call.service.error(400, "InsufficientDeliveryPolicyException", "Insufficient delivery policy to "
                + "s3 bucket: " + bucket + ", unable to write to bucket, provided s3 key prefix is 'null'.");
        }
        recorder.deliveryChannel = true;
        recorder.channelName = name;
        recorder.channelBucket = bucket;
        return call.jsonResult(Json.object());
    }

    private Reply start(AwsRequest call, Recorder recorder, boolean start) {
        String name = call.json.path("ConfigurationRecorderName").asText();
        if (!recorder.exists || !recorder.name.equals(name)) {
            return call.service.error(400, "NoSuchConfigurationRecorderException", "Cannot find configuration "
                + "recorder with the specified name '" + name + "'.");
        }
        if (start && !recorder.deliveryChannel) {
            return call.service.error(400, "NoAvailableDeliveryChannelException", "Delivery channel is not "
                + "available to start configuration recorder.");
        }
        recorder.recording = start;
        recorder.lastStatus = start ? "Success" : recorder.lastStatus;
        if (start) {
            recorder.lastStart = clock.instant();
            recorder.lastStop = null;
        } else {
            recorder.lastStop = clock.instant();
        }
        return call.jsonResult(Json.object());
    }
}
