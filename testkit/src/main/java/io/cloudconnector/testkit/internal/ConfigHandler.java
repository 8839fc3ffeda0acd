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
 * AWS Config (JSON 1.1, {@code StarlingDoveService.*}): the configuration recorder and its status per region, and
 * the writes that switch recording on (PutConfigurationRecorder, PutDeliveryChannel, Start/StopConfigurationRecorder).
 * Thread-safe.
 */
final class ConfigHandler {

    private static final Instant STARTED = Instant.parse("2024-01-10T12:00:00Z");

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
        Instant lastStart = STARTED;
        Instant lastStop;
        boolean exists;
    }

    private final String account;
    private final Clock clock;
    private final Map<String, Recorder> recorders = new HashMap<>();

    ConfigHandler(SandboxSeed seed, Clock clock) {
        this.account = seed.accountId();
        this.clock = clock;
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
            case "PutDeliveryChannel" -> {
                recorder.deliveryChannel = true;
                yield call.jsonResult(Json.object());
            }
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
        recorder.exists = true;
        recorder.name = name;
        recorder.roleArn = input.path("roleARN").asText("");
        recorder.allSupported = input.path("recordingGroup").path("allSupported").asBoolean(true);
        recorder.includeGlobal = input.path("recordingGroup").path("includeGlobalResourceTypes").asBoolean(false);
        recorder.resourceTypes = Json.texts(input.path("recordingGroup"), "resourceTypes");
        recorder.lastStatus = recorder.lastStatus == null ? "Pending" : recorder.lastStatus;
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
