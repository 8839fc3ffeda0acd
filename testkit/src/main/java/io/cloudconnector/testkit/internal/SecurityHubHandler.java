package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.Control;
import io.cloudconnector.testkit.SandboxSeed.Standard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Security Hub (REST-JSON, 2018-10-26): the hub per region, enabled standards and their controls, findings with
 * filters, sort and opaque {@code NextToken} paging, finding aggregation, members, and the writes provisioning and
 * export need (EnableSecurityHub, BatchEnableStandards, BatchImportFindings). GetFindings is held to its quota,
 * 3 requests per second with a burst of 6 per account and region, when the quota is on. Thread-safe.
 */
final class SecurityHubHandler {

    private static final int QUOTA_BURST = 6;
    private static final double QUOTA_PER_SECOND = 3;
    private static final int DEFAULT_CONTROLS_PAGE = 25;

    private static final class Hub {
        final Instant subscribedAt;
        final String generator;
        final Map<String, String> standards = new LinkedHashMap<>();

        Hub(Instant subscribedAt, String generator) {
            this.subscribedAt = subscribedAt;
            this.generator = generator;
        }
    }

    private final SandboxSeed seed;
    private final String account;
    private final PageTokens tokens;
    private final Clock clock;
    private final FindingStore store;
    private final SyntheticFindings synthetic;
    private final Set<String> generatedIn;
    private final AtomicBoolean quotaOn;
    private final Map<String, TokenBucket> quota = new ConcurrentHashMap<>();
    private final Map<String, Hub> hubs = new HashMap<>();
    private final String aggregatorArn;

    /**
     * @param syntheticPerRegion how many generated findings each region whose hub the seed enables has besides the
     *     seed's own; 0 for none
     */
    SecurityHubHandler(SandboxSeed seed, PageTokens tokens, Clock clock, AtomicBoolean quotaOn,
        int syntheticPerRegion) {
        this.seed = seed;
        this.account = seed.accountId();
        this.tokens = tokens;
        this.clock = clock;
        this.quotaOn = quotaOn;
        this.store = new FindingStore(seed.visibleFindings());
        this.synthetic = new SyntheticFindings(seed.accountId(), syntheticPerRegion);
        this.generatedIn = seed.regions().stream().filter(r -> r.securityHub().isPresent())
            .map(SandboxSeed.Region::name).collect(Collectors.toUnmodifiableSet());
        seed.regions().forEach(region -> region.securityHub().ifPresent(h -> {
            Hub hub = new Hub(h.subscribedAt(), h.controlFindingGenerator());
            h.standards().forEach(s -> hub.standards.put(s.standardsId(), s.status()));
            hubs.put(region.name(), hub);
        }));
        this.aggregatorArn = seed.aggregator().map(a -> "arn:aws:securityhub:" + a.homeRegion() + ":" + account
            + ":finding-aggregator/" + UUID.nameUUIDFromBytes(account.getBytes(StandardCharsets.UTF_8)))
            .orElse("");
    }

    Reply handle(AwsRequest call) {
        if (call.operation.equals("GetFindings") && !withinQuota(call.region)) {
            return call.service.error(429, "LimitExceededException", "Rate exceeded for GetFindings: 3 requests per "
                + "second, burst 6, per account and region");
        }
        synchronized (this) {
            Hub hub = hubs.get(call.region);
            if (call.operation.equals("EnableSecurityHub")) {
                return enable(call, hub);
            }
            if (hub == null) {
                return call.service.error(401, "InvalidAccessException", "Account " + account
                    + " is not subscribed to AWS Security Hub");
            }
            return dispatch(call, hub);
        }
    }

    private Reply dispatch(AwsRequest call, Hub hub) {
        return switch (call.operation) {
            case "DescribeHub" -> call.restResult(Json.object().put("HubArn", hubArn(call.region))
                .put("SubscribedAt", hub.subscribedAt.toString()).put("AutoEnableControls", true)
                .put("ControlFindingGenerator", hub.generator));
            case "GetEnabledStandards" -> enabledStandards(call, hub);
            case "BatchEnableStandards" -> enableStandards(call, hub);
            case "DescribeStandardsControls" -> controls(call, hub);
            case "GetFindings" -> findings(call);
            case "BatchImportFindings" -> importFindings(call);
            case "ListFindingAggregators" -> aggregators(call);
            case "GetFindingAggregator" -> aggregator(call);
            case "ListMembers" -> members(call);
            default -> call.service.error(404, "UnknownOperationException", "No route for " + call.method + " "
                + call.path);
        };
    }

    private boolean withinQuota(String region) {
        return !quotaOn.get() || quota.computeIfAbsent(account + "|" + region,
            k -> new TokenBucket(QUOTA_BURST, QUOTA_PER_SECOND, System::nanoTime)).tryAcquire();
    }

    private Reply enable(AwsRequest call, Hub existing) {
        if (existing != null) {
            return call.service.error(409, "ResourceConflictException", "Account " + account
                + " is already subscribed to Security Hub");
        }
        Hub hub = new Hub(clock.instant(), call.json.path("ControlFindingGenerator").asText("SECURITY_CONTROL"));
        if (call.json.path("EnableDefaultStandards").asBoolean(true)) {
            hub.standards.put("standards/aws-foundational-security-best-practices/v/1.0.0", "READY");
            hub.standards.put("ruleset/cis-aws-foundations-benchmark/v/1.2.0", "READY");
        }
        hubs.put(call.region, hub);
        return call.restResult(Json.object());
    }

    private Reply enabledStandards(AwsRequest call, Hub hub) {
        List<String> only = Json.texts(call.json, "StandardsSubscriptionArns");
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("StandardsSubscriptions");
        hub.standards.forEach((id, status) -> {
            ObjectNode item = subscription(call.region, id, status);
            if (only.isEmpty() || only.contains(item.get("StandardsSubscriptionArn").asText())) {
                list.add(item);
            }
        });
        return call.restResult(body);
    }

    private ObjectNode subscription(String region, String standardsId, String status) {
        Standard standard = seed.standard(standardsId).orElse(new Standard(standardsId, standardsId, List.of()));
        ObjectNode item = Json.object().put("StandardsSubscriptionArn", standard.subscriptionArn(region, account))
            .put("StandardsArn", standard.arn(region));
        item.putObject("StandardsInput");
        item.put("StandardsStatus", status).put("StandardsControlsUpdatable",
            status.equals("READY") ? "READY_FOR_UPDATES" : "NOT_READY_FOR_UPDATES");
        if (status.equals("INCOMPLETE") || status.equals("FAILED")) {
            item.putObject("StandardsStatusReason").put("StatusReasonCode", "INTERNAL_ERROR");
        }
        return item;
    }

    private Reply enableStandards(AwsRequest call, Hub hub) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("StandardsSubscriptions");
        for (JsonNode request : call.json.path("StandardsSubscriptionRequests")) {
            String arn = request.path("StandardsArn").asText();
            int at = arn.lastIndexOf("::");
            String id = at < 0 ? arn : arn.substring(at + 2);
            hub.standards.put(id, "READY");
            list.add(subscription(call.region, id, "READY"));
        }
        return call.restResult(body);
    }

    private Reply controls(AwsRequest call, Hub hub) {
        String arn = call.path.substring(SecurityHubRoutes.CONTROLS.length());
        Optional<Map.Entry<String, String>> subscribed = hub.standards.entrySet().stream()
            .filter(e -> seed.standard(e.getKey()).map(s -> s.subscriptionArn(call.region, account).equals(arn))
                .orElse(false))
            .findFirst();
        if (subscribed.isEmpty()) {
            return call.service.error(404, "ResourceNotFoundException", "No standards subscription " + arn);
        }
        Standard standard = seed.standard(subscribed.get().getKey()).orElseThrow();
        List<Control> controls = subscribed.get().getValue().equals("READY") ? standard.controls() : List.of();
        int size = Integer.parseInt(call.query.getOrDefault("MaxResults", String.valueOf(DEFAULT_CONTROLS_PAGE)));
        return paged(call, "securityhub:controls:" + arn, controls.size(), size, "Controls", (body, from, to) -> {
            ArrayNode list = body.putArray("Controls");
            controls.subList(from, to).forEach(c -> list.add(control(call.region, standard, c)));
        });
    }

    private ObjectNode control(String region, Standard standard, Control c) {
        ObjectNode node = Json.object().put("StandardsControlArn", "arn:aws:securityhub:" + region + ":" + account
            + ":control/" + standard.path() + "/" + c.controlId())
            .put("ControlStatus", c.enabled() ? "ENABLED" : "DISABLED");
        c.disabledReason().ifPresent(reason -> node.put("DisabledReason", reason));
        node.put("ControlStatusUpdatedAt", "2024-01-15T09:31:12.402Z").put("ControlId", "CIS." + c.controlId())
            .put("Title", c.title()).put("Description", c.title() + ".")
            .put("RemediationUrl", "https://docs.aws.amazon.com/console/securityhub/standards-cis-" + c.controlId()
                + "/remediation")
            .put("SeverityRating", c.severity());
        ArrayNode requirements = node.putArray("RelatedRequirements");
        c.relatedRequirements().forEach(requirements::add);
        return node;
    }

    private Reply findings(AwsRequest call) {
        int max = call.json.path("MaxResults").asInt(100);
        if (max < 1 || max > 100) {
            return invalidInput(call, "MaxResults must be between 1 and 100, was " + max);
        }
        FindingQuery query;
        try {
            query = FindingQuery.of(call.json, clock);
        } catch (FindingQuery.InvalidQuery e) {
            return invalidInput(call, e.getMessage());
        }
        String scope = call.region + "|" + call.json.path("Filters") + "|" + call.json.path("SortCriteria");
        Set<String> visible = visibleRegions(call.region);
        List<FindingStore.Stored> matching = store.query(scope, visible, query.filter, query.order);
        List<String> generatedRegions = synthetic.perRegion() == 0 ? List.of()
            : SyntheticFindings.inOrder(visible.stream().filter(generatedIn::contains).toList());
        if (!generatedRegions.isEmpty() && query.updatedAtAscending.isEmpty()) {
            return invalidInput(call, "The sandbox sorts its generated findings by UpdatedAt alone");
        }
        FindingListing listing = new FindingListing(matching, synthetic, generatedRegions,
            query.updatedAtAscending.orElse(false), query.filter);
        int start = 0;
        if (call.json.hasNonNull("NextToken")) {
            PageTokens.Redeemed redeemed = tokens.redeem(call.json.get("NextToken").asText(), scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return invalidInput(call, redeemed.status() == PageTokens.Status.EXPIRED
                    ? "The NextToken has expired. Start paging again without it." : "Invalid NextToken");
            }
            start = Math.min(redeemed.offset(), listing.size());
        }
        StringBuilder body = new StringBuilder("{\"Findings\":[");
        int position = start;
        for (int count = 0; count < max && position < listing.size(); position++) {
            FindingStore.Stored finding = listing.matchAt(position);
            if (finding != null) {
                body.append(count++ > 0 ? "," : "").append(finding.json());
            }
        }
        body.append(']');
        int next = listing.nextMatch(position);
        if (next < listing.size()) {
            body.append(",\"NextToken\":\"").append(tokens.issue(scope, next)).append('"');
        }
        return Reply.of(200, "application/json", body.append('}').toString())
            .header("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    private Set<String> visibleRegions(String region) {
        Set<String> regions = new HashSet<>();
        regions.add(region);
        seed.aggregator().filter(a -> a.homeRegion().equals(region))
            .ifPresent(a -> regions.addAll(a.linkedRegions(seed)));
        return regions;
    }

    private Reply importFindings(AwsRequest call) {
        JsonNode findings = call.json.path("Findings");
        if (findings.size() > 100) {
            return invalidInput(call, "BatchImportFindings accepts at most 100 findings");
        }
        ObjectNode body = Json.object();
        ArrayNode failed = Json.array();
        int success = 0;
        for (JsonNode finding : findings) {
            Optional<String> problem = ImportCheck.problem(finding);
            if (problem.isPresent()) {
                failed.addObject().put("Id", finding.path("Id").asText("")).put("ErrorCode", "InvalidInput")
                    .put("ErrorMessage", problem.get());
                continue;
            }
            ObjectNode copy = finding.deepCopy();
            if (!copy.has("Region")) {
                copy.put("Region", call.region);
            }
            store.put(copy);
            success++;
        }
        body.put("FailedCount", failed.size()).put("SuccessCount", success).set("FailedFindings", failed);
        return call.restResult(body);
    }

    private Reply aggregators(AwsRequest call) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("FindingAggregators");
        if (!aggregatorArn.isEmpty()) {
            list.addObject().put("FindingAggregatorArn", aggregatorArn);
        }
        return call.restResult(body);
    }

    private Reply aggregator(AwsRequest call) {
        String arn = call.path.substring(SecurityHubRoutes.AGGREGATOR.length());
        if (aggregatorArn.isEmpty() || !aggregatorArn.equals(arn)) {
            return call.service.error(404, "ResourceNotFoundException", "No finding aggregator " + arn);
        }
        SandboxSeed.Aggregator aggregator = seed.aggregator().orElseThrow();
        ObjectNode body = Json.object().put("FindingAggregatorArn", aggregatorArn)
            .put("FindingAggregationRegion", aggregator.homeRegion())
            .put("RegionLinkingMode", aggregator.linkingMode());
        ArrayNode regions = body.putArray("Regions");
        aggregator.regions().forEach(regions::add);
        return call.restResult(body);
    }

    /** A member as {@code ListMembers} lists it. */
    private record Listed(String accountId, String status) {
    }

    /**
     * The member accounts and their relationship: those without an AWS side as enabled, then the seed's members;
     * with {@code OnlyAssociated} (true unless given) only the enabled ones.
     */
    private Reply members(AwsRequest call) {
        int size = Integer.parseInt(call.query.getOrDefault("MaxResults", "50"));
        boolean onlyAssociated = Boolean.parseBoolean(call.query.getOrDefault("OnlyAssociated", "true"));
        List<Listed> members = new ArrayList<>();
        seed.memberAccountIds().forEach(id -> members.add(new Listed(id, "Enabled")));
        seed.members().stream().filter(member -> !onlyAssociated || member.enabled())
            .forEach(member -> members.add(new Listed(member.account().accountId(), member.status())));
        String scope = "securityhub:members:" + account + ":" + onlyAssociated;
        return paged(call, scope, members.size(), size, "Members", (body, from, to) -> {
            ArrayNode list = body.putArray("Members");
            members.subList(from, to).forEach(member -> list.addObject().put("AccountId", member.accountId())
                .put("AdministratorId", account).put("MasterId", account).put("MemberStatus", member.status())
                .put("InvitedAt", "2025-01-20T09:00:00Z").put("UpdatedAt", "2025-01-20T09:05:00Z"));
        });
    }

    /** Writes one page of a list into a body. */
    private interface PageWriter {
        void write(ObjectNode body, int from, int to);
    }

    private Reply paged(AwsRequest call, String scope, int total, int size, String name, PageWriter writer) {
        if (size < 1 || size > 100) {
            return invalidInput(call, "MaxResults must be between 1 and 100");
        }
        int start = 0;
        String next = call.query.get("NextToken");
        if (next != null) {
            PageTokens.Redeemed redeemed = tokens.redeem(next, scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return invalidInput(call, "Invalid NextToken for " + name);
            }
            start = Math.min(redeemed.offset(), total);
        }
        int end = Math.min(total, start + size);
        ObjectNode body = Json.object();
        writer.write(body, start, end);
        if (end < total) {
            body.put("NextToken", tokens.issue(scope, end));
        }
        return call.restResult(body);
    }

    private String hubArn(String region) {
        return "arn:aws:securityhub:" + region + ":" + account + ":hub/default";
    }

    private static Reply invalidInput(AwsRequest call, String message) {
        return call.service.error(400, "InvalidInputException", message);
    }
}
