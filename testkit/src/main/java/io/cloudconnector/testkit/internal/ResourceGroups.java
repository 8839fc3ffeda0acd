package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resource groups of the subscription ({@code Microsoft.Resources/resourceGroups}): read and written with PUT,
 * names compared without regard to case, locations normalised as ARM does ({@code West US 2} is {@code westus2}).
 * Thread-safe: the state is guarded by this object.
 */
final class ResourceGroups {

    private static final Pattern NAME = Pattern.compile("[-\\w.()]{0,89}[-\\w()]");

    private final String subscriptionId;
    private final Map<String, SandboxSeed.ResourceGroup> groups = new LinkedHashMap<>();

    ResourceGroups(SandboxSeed.Azure azure) {
        this.subscriptionId = azure.subscriptionId();
        azure.resourceGroups().forEach(group -> groups.put(key(group.name()),
            new SandboxSeed.ResourceGroup(group.name(), normal(group.location()), group.tags())));
    }

    /** Whether the group {@code name} exists. */
    synchronized boolean exists(String name) {
        return groups.containsKey(key(name));
    }

    /** GET: the group, or 404 {@code ResourceGroupNotFound}. */
    synchronized Reply get(String name) {
        SandboxSeed.ResourceGroup group = groups.get(key(name));
        return group == null ? notFound(name) : Reply.json(200, json(group));
    }

    /**
     * PUT: creates the group (201) or replaces its tags (200); 409 {@code InvalidResourceGroupLocation} when it exists
     * in another location.
     */
    synchronized Reply put(String name, String body) {
        if (!NAME.matcher(name).matches()) {
            return ArmErrors.ARM.error(400, "InvalidResourceGroupName", "Resource group name '" + name + "' is "
                + "invalid. It can include alphanumeric, underscore, parentheses, hyphen, period (except at end), "
                + "and is 1 to 90 characters long.");
        }
        Optional<JsonNode> input = Json.parse(body).filter(JsonNode::isObject);
        Optional<String> location = input.flatMap(node -> Json.text(node, "location")).map(ResourceGroups::normal)
            .filter(text -> !text.isEmpty());
        if (location.isEmpty()) {
            return ArmErrors.ARM.error(400, "LocationRequired", "The location property is required for this "
                + "definition.");
        }
        SandboxSeed.ResourceGroup existing = groups.get(key(name));
        if (existing != null && !existing.location().equals(location.get())) {
            return ArmErrors.ARM.error(409, "InvalidResourceGroupLocation", "Invalid resource group location '"
                + location.get() + "'. The Resource group already exists in location '" + existing.location() + "'.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        input.get().path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        SandboxSeed.ResourceGroup group = new SandboxSeed.ResourceGroup(existing == null ? name : existing.name(),
            location.get(), tags);
        groups.put(key(name), group);
        return Reply.json(existing == null ? 201 : 200, json(group));
    }

    /** The groups, in the order they were made. */
    synchronized List<SandboxSeed.ResourceGroup> snapshot() {
        return List.copyOf(groups.values());
    }

    /** 404 {@code ResourceGroupNotFound} for {@code name}. */
    static Reply notFound(String name) {
        return ArmErrors.ARM.error(404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be "
            + "found.");
    }

    private ObjectNode json(SandboxSeed.ResourceGroup group) {
        ObjectNode node = Json.object().put("id", "/subscriptions/" + subscriptionId + "/resourceGroups/"
            + group.name()).put("name", group.name()).put("type", "Microsoft.Resources/resourceGroups")
            .put("location", group.location());
        ObjectNode tags = node.putObject("tags");
        group.tags().forEach(tags::put);
        node.putObject("properties").put("provisioningState", "Succeeded");
        return node;
    }

    private static String normal(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
