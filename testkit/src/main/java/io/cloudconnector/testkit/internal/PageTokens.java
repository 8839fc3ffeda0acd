package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opaque paging tokens: the position of the next page, bound to the query that asked (so a token cannot be replayed
 * with other filters) and to an epoch (so a test can expire every token handed out).
 */
public final class PageTokens {

    /** What redeeming a token found. */
    public enum Status { VALID, INVALID, EXPIRED }

    /** A redeemed token: its status and, when valid, the offset of the next page. */
    public record Redeemed(Status status, int offset) {
    }

    private final AtomicInteger epoch = new AtomicInteger();

    /** A token for the page starting at {@code offset} of the query identified by {@code scope}. */
    public String issue(String scope, int offset) {
        ObjectNode token = Json.object();
        token.put("s", Integer.toHexString(scope.hashCode()));
        token.put("o", offset);
        token.put("e", epoch.get());
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token handed out for {@code scope}. */
    public Redeemed redeem(String token, String scope) {
        JsonNode node;
        try {
            node = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                .orElse(null);
        } catch (IllegalArgumentException e) {
            node = null;
        }
        if (node == null || !node.path("s").asText().equals(Integer.toHexString(scope.hashCode()))
            || !node.path("o").isInt()) {
            return new Redeemed(Status.INVALID, 0);
        }
        if (node.path("e").asInt() != epoch.get()) {
            return new Redeemed(Status.EXPIRED, 0);
        }
        return new Redeemed(Status.VALID, node.path("o").asInt());
    }

    /** Makes every token handed out so far expired. */
    public void expireAll() {
        epoch.incrementAndGet();
    }
}
