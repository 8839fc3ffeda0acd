package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SSM (JSON 1.1, {@code AmazonSSM.*}): DescribeInstanceInformation paged by {@code NextToken}, SendCommand and
 * GetCommandInvocation. Each invocation answers {@code InvocationDoesNotExist} on its first poll (the race right
 * after SendCommand), then {@code Pending}, then {@code InProgress}, then its terminal status. A successful
 * {@code azcmagent connect} script registers the instance as a Connected Arc machine. Thread-safe.
 */
final class SsmHandler {

    private static final String MAX_CONCURRENCY = "^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$";
    private static final String MAX_ERRORS = "^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$";

    /** What an invocation will end as. */
    private enum Outcome { SUCCESS, FAILED, TIMED_OUT, UNSUPPORTED }

    private static final class Invocation {
        final String commandId;
        final Instance instance;
        final JsonNode command;
        final Outcome outcome;
        final Optional<OnboardingScript> script;
        final Instant sentAt;
        int polls;
        Instant started;
        boolean terminal;

        Invocation(String commandId, Instance instance, JsonNode command, Outcome outcome,
            Optional<OnboardingScript> script, Instant sentAt) {
            this.commandId = commandId;
            this.instance = instance;
            this.command = command;
            this.outcome = outcome;
            this.script = script;
            this.sentAt = sentAt;
        }
    }

    private final SandboxSeed seed;
    private final PageTokens tokens;
    private final ArcRegistry arc;
    private final Clock clock;
    private final Duration runTime;
    private final Map<String, Invocation> invocations = new HashMap<>();

    /**
     * @param runTime how long an invocation runs after SendCommand; zero to move it one step per poll instead
     */
    SsmHandler(SandboxSeed seed, PageTokens tokens, ArcRegistry arc, Clock clock, Duration runTime) {
        this.seed = seed;
        this.tokens = tokens;
        this.arc = arc;
        this.clock = clock;
        this.runTime = runTime;
    }

    synchronized Reply handle(AwsRequest call) {
        return switch (call.operation) {
            case "DescribeInstanceInformation" -> describe(call);
            case "SendCommand" -> send(call);
            case "GetCommandInvocation" -> invocation(call);
            default -> call.service.error(400, "UnknownOperationException", "Unknown operation " + call.operation);
        };
    }

    private Reply describe(AwsRequest call) {
        int max = call.json.path("MaxResults").asInt(10);
        if (max < 5 || max > 50) {
            return validation(call, "Value '" + max + "' at 'maxResults' failed to satisfy constraint: Member must "
                + "have value " + (max < 5 ? "greater than or equal to 5" : "less than or equal to 50"));
        }
        if (call.json.has("Filters") && call.json.has("InstanceInformationFilterList")) {
            return validation(call, "You can't use both InstanceInformationFilterList and Filters in one request");
        }
        Map<String, List<String>> filters = filters(call.json);
        List<Instance> managed = seed.instancesIn(call.region).stream().filter(Instance::ssmManaged)
            .filter(i -> matches(i, filters)).collect(Collectors.toList());
        String scope = "ssm:DescribeInstanceInformation:" + call.region + ":" + filters;
        int start = 0;
        if (call.json.hasNonNull("NextToken")) {
            PageTokens.Redeemed redeemed = tokens.redeem(call.json.get("NextToken").asText(), scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return call.service.error(400, "InvalidNextToken", "The specified token isn't valid.");
            }
            start = redeemed.offset();
        }
        int end = Math.min(managed.size(), start + max);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("InstanceInformationList");
        managed.subList(Math.min(start, managed.size()), end).forEach(i -> list.add(information(i)));
        if (end < managed.size()) {
            body.put("NextToken", tokens.issue(scope, end));
        }
        return call.jsonResult(body);
    }

    private ObjectNode information(Instance i) {
        boolean online = i.ssmPingStatus().orElse("").equals("Online");
        Instant lastPing = online ? clock.instant().minusSeconds(42) : Instant.parse("2025-10-28T17:04:51Z");
        ObjectNode item = Json.object().put("InstanceId", i.instanceId()).put("PingStatus", i.ssmPingStatus().get())
            .put("LastPingDateTime", lastPing.getEpochSecond()).put("AgentVersion", i.ssmAgentVersion())
            .put("IsLatestVersion", false).put("PlatformType", i.platformType()).put("PlatformName", i.platformName())
            .put("PlatformVersion", i.platformVersion()).put("ResourceType", "EC2Instance")
            .put("ComputerName", i.name() + ".internal").put("AssociationStatus", "Success");
        i.instanceProfileArn().ifPresent(arn -> item.put("IamRole", arn.substring(arn.lastIndexOf('/') + 1)));
        return item;
    }

    private Reply send(AwsRequest call) {
        String document = call.json.path("DocumentName").asText();
        if (!document.equals("AWS-RunShellScript") && !document.equals("AWS-RunPowerShellScript")) {
            return call.service.error(400, "InvalidDocument", "Document with name " + document + " does not exist.");
        }
        List<String> ids = Json.texts(call.json, "InstanceIds");
        List<String> commands = Json.texts(call.json.path("Parameters"), "commands");
        Optional<Reply> invalid = validateSend(call, ids, commands);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String commandId = UUID.randomUUID().toString();
        ObjectNode command = command(call, commandId, document, ids);
        Optional<OnboardingScript> script = OnboardingScript.read(commands);
        Instant sentAt = clock.instant();
        for (String id : ids) {
            Instance instance = seed.instancesIn(call.region).stream().filter(i -> i.instanceId().equals(id))
                .findFirst().orElseThrow();
            invocations.put(commandId + "/" + id, new Invocation(commandId, instance, command,
                outcome(instance, document, script.isPresent()), script, sentAt));
        }
        return call.jsonResult(Json.object().set("Command", command));
    }

    private Optional<Reply> validateSend(AwsRequest call, List<String> ids, List<String> commands) {
        if (ids.isEmpty() || ids.size() > 50) {
            return Optional.of(validation(call, "Value at 'instanceIds' failed to satisfy constraint: Member must "
                + "have length less than or equal to 50 and greater than or equal to 1"));
        }
        if (commands.isEmpty()) {
            return Optional.of(call.service.error(400, "InvalidParameters",
                "Parameters provided with the document are not valid: commands is required."));
        }
        String concurrency = call.json.path("MaxConcurrency").asText("50");
        String errors = call.json.path("MaxErrors").asText("0");
        if (!concurrency.matches(MAX_CONCURRENCY) || !errors.matches(MAX_ERRORS)) {
            return Optional.of(validation(call, "Value '" + concurrency + "/" + errors + "' at "
                + "'maxConcurrency/maxErrors' failed to satisfy constraint"));
        }
        List<String> invalid = ids.stream().filter(id -> seed.instancesIn(call.region).stream()
            .noneMatch(i -> i.instanceId().equals(id) && i.ssmManaged())).collect(Collectors.toList());
        if (!invalid.isEmpty()) {
            return Optional.of(call.service.error(400, "InvalidInstanceId", "Instances " + invalid
                + " not in a valid state for account " + seed.accountId()));
        }
        return Optional.empty();
    }

    private ObjectNode command(AwsRequest call, String commandId, String document, List<String> ids) {
        Instant now = clock.instant();
        ObjectNode command = Json.object().put("CommandId", commandId).put("DocumentName", document)
            .put("DocumentVersion", "$DEFAULT").put("Comment", call.json.path("Comment").asText(""))
            .put("ExpiresAfter", now.plusSeconds(call.json.path("TimeoutSeconds").asLong(3600)).getEpochSecond());
        command.set("Parameters", call.json.path("Parameters").deepCopy());
        ArrayNode instanceIds = command.putArray("InstanceIds");
        ids.forEach(instanceIds::add);
        command.putArray("Targets");
        command.put("RequestedDateTime", now.getEpochSecond()).put("Status", "Pending")
            .put("StatusDetails", "Pending").put("MaxConcurrency", call.json.path("MaxConcurrency").asText("50"))
            .put("MaxErrors", call.json.path("MaxErrors").asText("0")).put("TargetCount", ids.size())
            .put("CompletedCount", 0).put("ErrorCount", 0).put("DeliveryTimedOutCount", 0)
            .put("TimeoutSeconds", call.json.path("TimeoutSeconds").asInt(3600));
        return command;
    }

    private static Outcome outcome(Instance instance, String document, boolean onboarding) {
        if (instance.ssmPingStatus().orElse("").equals("ConnectionLost")) {
            return Outcome.TIMED_OUT;
        }
        if (instance.windows() != document.equals("AWS-RunPowerShellScript")) {
            return Outcome.UNSUPPORTED;
        }
        return onboarding && !instance.onboardingSucceeds() ? Outcome.FAILED : Outcome.SUCCESS;
    }

    private Reply invocation(AwsRequest call) {
        String commandId = call.json.path("CommandId").asText();
        String instanceId = call.json.path("InstanceId").asText();
        Invocation invocation = invocations.get(commandId + "/" + instanceId);
        if (invocation == null || !invocation.instance.region().equals(call.region) || invocation.polls++ == 0) {
            return call.service.error(400, "InvocationDoesNotExist", "An error occurred (InvocationDoesNotExist) "
                + "when calling the GetCommandInvocation operation");
        }
        return call.jsonResult(invocationBody(invocation, advance(invocation)));
    }

    /**
     * The status the poll finds. Step by step: Pending on the second poll, InProgress on the third, terminal from the
     * fourth. With a run time: InProgress until the run time after SendCommand has passed, terminal after it.
     */
    private String advance(Invocation invocation) {
        if (runTime.isZero()) {
            if (invocation.polls == 2) {
                return "Pending";
            }
            if (invocation.polls == 3) {
                invocation.started = clock.instant();
                return "InProgress";
            }
        } else {
            invocation.started = invocation.sentAt;
            if (clock.instant().isBefore(invocation.sentAt.plus(runTime))) {
                return "InProgress";
            }
        }
        if (!invocation.terminal) {
            invocation.terminal = true;
            if (invocation.outcome == Outcome.SUCCESS) {
                invocation.script.ifPresent(script -> register(invocation, script));
            }
        }
        return terminalStatus(invocation);
    }

    private ObjectNode invocationBody(Invocation invocation, String status) {
        boolean done = invocation.terminal;
        boolean windows = invocation.instance.windows();
        Instant started = invocation.started == null ? clock.instant() : invocation.started;
        ObjectNode body = Json.object().put("CommandId", invocation.commandId)
            .put("InstanceId", invocation.instance.instanceId())
            .put("Comment", invocation.command.path("Comment").asText(""))
            .put("DocumentName", invocation.command.path("DocumentName").asText()).put("DocumentVersion", "$DEFAULT")
            .put("PluginName", windows ? "aws:runPowerShellScript" : "aws:runShellScript")
            .put("ResponseCode", done ? responseCode(invocation.outcome) : -1)
            .put("ExecutionStartDateTime", invocation.started != null ? started.toString() : "")
            .put("ExecutionElapsedTime", done ? "PT41.512S" : "").put("ExecutionEndDateTime", done
                ? started.plusMillis(41512).toString() : "")
            .put("Status", status).put("StatusDetails", done ? statusDetails(invocation.outcome) : status)
            .put("StandardOutputContent", done ? output(invocation) : "").put("StandardOutputUrl", "")
            .put("StandardErrorContent", done ? error(invocation) : "").put("StandardErrorUrl", "");
        body.putObject("CloudWatchOutputConfig").put("CloudWatchLogGroupName", "")
            .put("CloudWatchOutputEnabled", false);
        return body;
    }

    private void register(Invocation invocation, OnboardingScript script) {
        Instance instance = invocation.instance;
        Map<String, String> tags = new LinkedHashMap<>(script.tags());
        arc.put(new ArcRegistry.Machine(script.argument("--subscription-id").orElse(seed.azure().subscriptionId()),
            script.argument("--resource-group").orElse(seed.azure().resourceGroup()),
            script.argument("--resource-name").orElse(instance.instanceId()),
            script.argument("--location").orElse(seed.azure().location()), "Connected", tags,
            instance.windows() ? "windows" : "linux", instance.platformName(), clock.instant()));
    }

    private static String terminalStatus(Invocation invocation) {
        return switch (invocation.outcome) {
            case SUCCESS -> "Success";
            case TIMED_OUT -> "TimedOut";
            default -> "Failed";
        };
    }

    private static String statusDetails(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "Success";
            case TIMED_OUT -> "DeliveryTimedOut";
            default -> "Failed";
        };
    }

    private static int responseCode(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> 0;
            case FAILED -> 1;
            default -> -1;
        };
    }

    private static String output(Invocation invocation) {
        if (invocation.script.isEmpty() || invocation.outcome == Outcome.TIMED_OUT) {
            return "";
        }
        String download = "Downloading the Azure Connected Machine agent installation script...\n";
        return invocation.outcome == Outcome.SUCCESS ? download + "Installing the Azure Connected Machine agent...\n"
            + "INFO    Connected machine to Azure\nINFO    Machine overview page: https://portal.azure.com/\n"
            : download;
    }

    private static String error(Invocation invocation) {
        return switch (invocation.outcome) {
            case FAILED -> "curl: (7) Failed to connect to aka.ms port 443 after 21002 ms: Connection timed out\n"
                + "failed to download the Azure Connected Machine agent installation script\n";
            case UNSUPPORTED -> "The document " + invocation.command.path("DocumentName").asText()
                + " is not supported on platform " + invocation.instance.platformType() + ".\n";
            default -> "";
        };
    }

    private static Map<String, List<String>> filters(JsonNode json) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        json.path("Filters").forEach(f -> filters.put(f.path("Key").asText(), Json.texts(f, "Values")));
        json.path("InstanceInformationFilterList").forEach(f -> filters.put(f.path("key").asText(),
            Json.texts(f, "valueSet")));
        return filters;
    }

    private static boolean matches(Instance instance, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            List<String> values = new ArrayList<>(filter.getValue());
            String actual = switch (filter.getKey()) {
                case "InstanceIds" -> instance.instanceId();
                case "PingStatus" -> instance.ssmPingStatus().orElse("");
                case "PlatformTypes" -> instance.platformType();
                case "ResourceType" -> "EC2Instance";
                case "AgentVersion" -> instance.ssmAgentVersion();
                default -> null;
            };
            if (actual != null && !values.contains(actual)) {
                return false;
            }
        }
        return true;
    }

    private static Reply validation(AwsRequest call, String message) {
        return call.service.error(400, "ValidationException", "1 validation error detected: " + message);
    }
}
