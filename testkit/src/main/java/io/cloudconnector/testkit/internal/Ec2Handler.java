package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import io.cloudconnector.testkit.SandboxSeed.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * EC2 (EC2 query protocol, 2016-11-15): DescribeRegions with {@code AllRegions} and opt-in status, and
 * DescribeInstances with instance IDs, filters and {@code MaxResults}/{@code NextToken} paging. Read-only, so
 * thread-safe.
 */
final class Ec2Handler {

    private static final Instant LAUNCHED = Instant.parse("2025-06-02T07:41:12Z");

    private final SandboxSeed seed;
    private final PageTokens tokens;

    Ec2Handler(SandboxSeed seed, PageTokens tokens) {
        this.seed = seed;
        this.tokens = tokens;
    }

    Reply handle(AwsRequest call) {
        return switch (call.operation) {
            case "DescribeRegions" -> describeRegions(call);
            case "DescribeInstances" -> describeInstances(call);
            default -> call.service.error(400, "InvalidAction", "The action " + call.operation + " is not valid for "
                + "this web service.");
        };
    }

    private Reply describeRegions(AwsRequest call) {
        boolean all = call.param("AllRegions").map(Boolean::parseBoolean).orElse(false);
        List<String> names = call.list("RegionName");
        Map<String, List<String>> filters = filters(call);
        Xml xml = new Xml().open("regionInfo");
        for (Region region : seed.regions()) {
            boolean listed = (all || region.enabled()) && (names.isEmpty() || names.contains(region.name()))
                && filters.getOrDefault("opt-in-status", List.of(region.optInStatus())).contains(region.optInStatus())
                && filters.getOrDefault("region-name", List.of(region.name())).contains(region.name());
            if (listed) {
                xml.open("item").leaf("regionName", region.name())
                    .leaf("regionEndpoint", "ec2." + region.name() + ".amazonaws.com")
                    .leaf("optInStatus", region.optInStatus()).close("item");
            }
        }
        return call.ec2Result(xml.close("regionInfo").toString());
    }

    private Reply describeInstances(AwsRequest call) {
        List<String> ids = call.list("InstanceId");
        Optional<Integer> maxResults = call.param("MaxResults").map(Integer::parseInt);
        if (maxResults.isPresent() && !ids.isEmpty()) {
            return call.service.error(400, "InvalidParameterCombination",
                "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        if (maxResults.isPresent() && (maxResults.get() < 5 || maxResults.get() > 1000)) {
            return call.service.error(400, "InvalidParameterValue", "Value ( " + maxResults.get()
                + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }
        Map<String, List<String>> filters = filters(call);
        Optional<String> badFilter = filters.keySet().stream().filter(f -> !knownFilter(f)).findFirst();
        if (badFilter.isPresent()) {
            return call.service.error(400, "InvalidParameterValue", "The filter '" + badFilter.get()
                + "' is invalid");
        }
        List<Instance> local = seed.instancesIn(call.region);
        Optional<String> unknown = ids.stream().filter(id -> local.stream().noneMatch(i -> i.instanceId().equals(id)))
            .findFirst();
        if (unknown.isPresent()) {
            return call.service.error(400, "InvalidInstanceID.NotFound", "The instance ID '" + unknown.get()
                + "' does not exist");
        }
        List<Instance> matching = local.stream().filter(i -> ids.isEmpty() || ids.contains(i.instanceId()))
            .filter(matches(filters)).collect(Collectors.toList());
        return page(call, matching, maxResults.orElse(Integer.MAX_VALUE), filters);
    }

    private Reply page(AwsRequest call, List<Instance> matching, int size, Map<String, List<String>> filters) {
        String scope = "ec2:DescribeInstances:" + call.region + ":" + filters + ":" + call.list("InstanceId");
        int start = 0;
        Optional<String> next = call.param("NextToken");
        if (next.isPresent()) {
            PageTokens.Redeemed redeemed = tokens.redeem(next.get(), scope);
            if (redeemed.status() != PageTokens.Status.VALID) {
                return call.service.error(400, "InvalidParameterValue", "Invalid value '" + next.get()
                    + "' for nextToken");
            }
            start = redeemed.offset();
        }
        int end = (int) Math.min(matching.size(), (long) start + size);
        Xml xml = new Xml().open("reservationSet");
        for (Instance instance : matching.subList(Math.min(start, matching.size()), end)) {
            reservation(xml, instance);
        }
        xml.close("reservationSet");
        if (end < matching.size()) {
            xml.leaf("nextToken", tokens.issue(scope, end));
        }
        return call.ec2Result(xml.toString());
    }

    private void reservation(Xml xml, Instance i) {
        int hash = Math.abs(i.instanceId().hashCode());
        String ip = "10." + (hash % 200) + "." + (hash / 200 % 250) + "." + (4 + hash / 50000 % 250);
        xml.open("item").leaf("reservationId", "r-0" + i.instanceId().substring(3)).leaf("ownerId", seed.accountId())
            .empty("groupSet").open("instancesSet").open("item").leaf("instanceId", i.instanceId())
            .leaf("imageId", i.imageId()).open("instanceState").leaf("code", stateCode(i.state()))
            .leaf("name", i.state()).close("instanceState")
            .leaf("privateDnsName", "ip-" + ip.replace('.', '-') + "." + i.region() + ".compute.internal")
            .leaf("amiLaunchIndex", 0).leaf("instanceType", i.instanceType()).leaf("launchTime", LAUNCHED)
            .open("placement").leaf("availabilityZone", i.region() + "a").leaf("tenancy", "default")
            .close("placement").leaf("platform", i.windows() ? "windows" : null)
            .leaf("platformDetails", i.platformDetails()).open("monitoring").leaf("state", "disabled")
            .close("monitoring").leaf("privateIpAddress", ip).leaf("architecture", "x86_64")
            .leaf("rootDeviceType", "ebs").leaf("rootDeviceName", i.windows() ? "/dev/sda1" : "/dev/xvda");
        i.instanceProfileArn().ifPresent(arn -> xml.open("iamInstanceProfile").leaf("arn", arn)
            .leaf("id", "AIPASANDBOX0PROFILE01").close("iamInstanceProfile"));
        xml.open("tagSet").open("item").leaf("key", "Name").leaf("value", i.name()).close("item");
        i.tags().forEach((k, v) -> xml.open("item").leaf("key", k).leaf("value", v).close("item"));
        xml.close("tagSet").leaf("virtualizationType", "hvm").leaf("hypervisor", "xen").close("item")
            .close("instancesSet").close("item");
    }

    private static int stateCode(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
    }

    private static boolean knownFilter(String name) {
        return List.of("instance-id", "instance-state-name", "platform", "tag-key").contains(name)
            || name.startsWith("tag:");
    }

    private static Predicate<Instance> matches(Map<String, List<String>> filters) {
        return instance -> filters.entrySet().stream().allMatch(f -> {
            List<String> values = f.getValue();
            String name = f.getKey();
            if (name.startsWith("tag:")) {
                String key = name.substring(4);
                String value = key.equals("Name") ? instance.name() : instance.tags().get(key);
                return value != null && values.contains(value);
            }
            return switch (name) {
                case "instance-id" -> values.contains(instance.instanceId());
                case "instance-state-name" -> values.contains(instance.state());
                case "platform" -> instance.windows() && values.contains("windows");
                default -> values.stream().anyMatch(k -> k.equals("Name") || instance.tags().containsKey(k));
            };
        });
    }

    private static Map<String, List<String>> filters(AwsRequest call) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (int i = 1; call.form.containsKey("Filter." + i + ".Name"); i++) {
            filters.put(call.form.get("Filter." + i + ".Name"), new ArrayList<>(call.list("Filter." + i + ".Value")));
        }
        return filters;
    }
}
