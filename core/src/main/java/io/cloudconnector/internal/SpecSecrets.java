package io.cloudconnector.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.Secret;
import io.cloudconnector.Violation;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Finds the credentials a spec document holds in clear: the AWS secret access key, the service principal secret, and
 * a user name and password in the proxy URL. Each is reported with its field, line and column, its value masked.
 */
public final class SpecSecrets {

    /** The fields whose value is a credential. */
    static final Set<String> SECRET_FIELDS = Set.of("authentication.secretAccessKey", "arc.servicePrincipalSecret");
    /** The fields whose value is a URL that may carry a user name and password. */
    static final Set<String> URL_FIELDS = Set.of("arc.proxy");

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ADVICE = "anyone who can read the file can use it; keep the file readable by the host "
        + "alone, or build the spec in code from the host's secret store";

    private SpecSecrets() {
    }

    /**
     * The credentials {@code document} holds in clear, in document order. A masked value ({@value Secret#MASK}) is
     * not a credential and is not reported.
     *
     * @throws InvalidSpecException when the document is not well-formed JSON
     * @throws IOException when {@code document} fails
     */
    public static List<Violation> find(Reader document) throws IOException {
        List<Violation> found = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(document)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String field = field(path, parser);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    path.push(field);
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.pop();
                } else if (token == JsonToken.VALUE_STRING) {
                    check(field, parser.getText(), parser.currentTokenLocation(), found);
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(List.of(Violation.of("(document)", "must be well-formed JSON"
                + at(e.getLocation()), "")));
        }
        return found;
    }

    /** The dotted path of the current value, such as {@code arc.proxy}; {@code regions[]} inside an array. */
    private static String field(Deque<String> path, JsonParser parser) {
        JsonStreamContext enclosing = parser.currentToken().isStructStart()
            ? parser.getParsingContext().getParent() : parser.getParsingContext();
        if (enclosing == null || enclosing.inRoot()) {
            return "";
        }
        String parent = path.peek();
        if (enclosing.inArray()) {
            return parent + "[]";
        }
        return parent.isEmpty() ? enclosing.getCurrentName() : parent + "." + enclosing.getCurrentName();
    }

    private static void check(String field, String value, JsonLocation location, List<Violation> found) {
        if (SECRET_FIELDS.contains(field) && !value.isEmpty() && !value.equals(Secret.MASK)) {
            found.add(Violation.of(field, "holds a secret in clear" + at(location) + ": " + ADVICE, Secret.MASK));
        }
        if (URL_FIELDS.contains(field) && hasUserInfo(value)) {
            found.add(Violation.of(field, "holds a user name and password in its URL" + at(location) + ": "
                + ADVICE, Secret.MASK));
        }
    }

    private static boolean hasUserInfo(String value) {
        try {
            return URI.create(value).getRawUserInfo() != null;
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
