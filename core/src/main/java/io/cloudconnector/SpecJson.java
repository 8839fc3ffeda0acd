package io.cloudconnector;

import io.cloudconnector.internal.SpecJsonMapper;
import io.cloudconnector.internal.SpecSecrets;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link ConnectorSpec} as JSON and reads it back: for spec files, and for hosts that keep many specs.
 *
 * <p>The JSON has one property per field of the spec, named as its accessor ({@code displayName},
 * {@code subscriptionId}, {@code arc.resourceGroup}, ...); the authentication carries a {@code type} of
 * {@value AwsAuthentication#ASSUME_ROLE} or {@value AwsAuthentication#ACCESS_KEYS}; the rescan interval is an ISO-8601
 * duration ({@code PT6H}); empty optional fields are left out. {@link #write} masks every secret as
 * {@value Secret#MASK}; only {@link #writeRevealingSecrets} writes their values. A spec read back from masked JSON is
 * rejected, because a masked secret is not a credential.
 *
 * <p>Reading is strict: malformed JSON, unknown fields and values of the wrong type are rejected with an
 * {@link InvalidSpecException} whose violation names the field and its line and column in the document; missing
 * required fields are each named. A spec that reads well is then validated like any other.
 *
 * <p>A spec file may hold credentials in clear (the AWS secret access key, the service principal secret, a proxy URL
 * with a password): legitimate, but risky. {@link #secretsInClear(Path)} reports each with its field, line and
 * column, never its value, so that a host can warn before it reads the file. Thread-safe.
 */
public final class SpecJson {

    private SpecJson() {
    }

    /** The spec as indented JSON, every secret written as {@value Secret#MASK}: safe to log or show. */
    public static String write(ConnectorSpec spec) {
        return SpecJsonMapper.write(Objects.requireNonNull(spec, "spec"), false);
    }

    /**
     * The spec as indented JSON with the raw values of its secrets (AWS secret access key, service principal
     * secret), so that {@link #read(String)} gives back an equal spec. Store the result as you would store the
     * credentials themselves; never log it.
     */
    public static String writeRevealingSecrets(ConnectorSpec spec) {
        return SpecJsonMapper.write(Objects.requireNonNull(spec, "spec"), true);
    }

    /**
     * Reads a spec from JSON text and validates it.
     *
     * @throws InvalidSpecException when the text is not well-formed JSON, has an unknown field or a value of the
     *     wrong type (named with its line and column), lacks required fields (each named), or when the spec breaks a
     *     rule
     */
    public static ConnectorSpec read(String json) {
        return SpecJsonMapper.read(Objects.requireNonNull(json, "json"));
    }

    /**
     * Reads a spec from a UTF-8 JSON file and validates it.
     *
     * @throws InvalidSpecException as {@link #read(String)} does
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ConnectorSpec read(Path file) {
        try (Reader reader = Files.newBufferedReader(Objects.requireNonNull(file, "file"), StandardCharsets.UTF_8)) {
            return SpecJsonMapper.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec file " + file, e);
        }
    }

    /**
     * The credentials the JSON text holds in clear, each as a {@link Violation} naming the field with its line and
     * column ({@code authentication.secretAccessKey}, {@code arc.servicePrincipalSecret}, {@code arc.proxy} with a
     * user name and password), its value shown as {@value Secret#MASK}; empty when there are none. Masked values are
     * not credentials and are not reported. Nothing else about the spec is checked: {@link #read(String)} does that.
     *
     * @throws InvalidSpecException when the text is not well-formed JSON (with the line and column)
     */
    public static List<Violation> secretsInClear(String json) {
        try {
            return SpecSecrets.find(new StringReader(Objects.requireNonNull(json, "json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The credentials the UTF-8 JSON file holds in clear; see {@link #secretsInClear(String)}.
     *
     * @throws InvalidSpecException when the file is not well-formed JSON
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<Violation> secretsInClear(Path file) {
        try (Reader reader = Files.newBufferedReader(Objects.requireNonNull(file, "file"), StandardCharsets.UTF_8)) {
            return SpecSecrets.find(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec file " + file, e);
        }
    }
}
