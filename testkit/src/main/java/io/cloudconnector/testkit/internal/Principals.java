package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxSeed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call: the access keys of the seed's users and of keys created since, the session credentials AssumeRole
 * issued, and the bearer tokens the Entra endpoint issued. Also remembers every secret, so a test can look for them
 * in logs. Thread-safe.
 */
public final class Principals {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A caller known by its access key. */
    public record Principal(String accessKeyId, String arn, String userId, Optional<String> sessionToken,
        Optional<Instant> expiration) {

        /** The account the caller belongs to: the fifth field of its ARN. */
        public String account() {
            return arn.split(":", 6)[4];
        }
    }

    /** Session credentials issued by AssumeRole. */
    public record Session(Principal principal, String secretAccessKey, String sessionToken, Instant expiration) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> byAccessKey = new ConcurrentHashMap<>();
    private final Map<String, Instant> bearerTokens = new ConcurrentHashMap<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Map<String, String> secretByKey = new ConcurrentHashMap<>();

    Principals(SandboxSeed seed, Clock clock) {
        this.clock = clock;
        seed.accounts().forEach(account -> account.users().forEach(user -> user.accessKeys().forEach(key ->
            addUserKey(account.accountId(), user.name(), key.accessKeyId(), key.secretAccessKey()))));
        secrets.add(seed.azure().clientSecret());
        secrets.add(seed.azure().arcServicePrincipalSecret());
    }

    /** Registers the access key of IAM user {@code userName} of {@code account}. */
    void addUserKey(String account, String userName, String accessKeyId, String secret) {
        byAccessKey.put(accessKeyId, new Principal(accessKeyId, "arn:aws:iam::" + account + ":user/" + userName,
            "AIDA" + accessKeyId.substring(4), Optional.empty(), Optional.empty()));
        secretByKey.put(accessKeyId, secret);
        secrets.add(secret);
    }

    /** The access key IDs of IAM user {@code userName} of {@code account}, sorted. */
    List<String> userKeyIds(String account, String userName) {
        String arn = "arn:aws:iam::" + account + ":user/" + userName;
        return byAccessKey.values().stream().filter(p -> p.sessionToken().isEmpty() && p.arn().equals(arn))
            .map(Principal::accessKeyId).sorted().toList();
    }

    /** Whether {@code secret} is the secret of IAM user access key {@code accessKeyId}. */
    boolean userKeyMatches(String accessKeyId, String secret) {
        Principal principal = byAccessKey.get(accessKeyId);
        return principal != null && principal.sessionToken().isEmpty() && secret != null
            && secret.equals(secretByKey.get(accessKeyId));
    }

    /** The caller of {@code accessKeyId}, when known. */
    Optional<Principal> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** A new access key ID, {@code AKIA} or {@code ASIA} and 16 upper-case letters or digits. */
    String newAccessKeyId(String prefix) {
        return prefix + randomOf(UPPER_ALNUM, 16);
    }

    /** A new 40-character secret access key, remembered as a secret. */
    String newSecretKey() {
        String secret = randomOf(BASE64ISH, 40);
        secrets.add(secret);
        return secret;
    }

    /** Issues session credentials for role {@code roleName} of {@code account}, valid for {@code duration}. */
    Session assume(String account, String roleName, String roleId, String sessionName, Duration duration) {
        String accessKeyId = newAccessKeyId("ASIA");
        String secret = newSecretKey();
        byte[] raw = new byte[180];
        random.nextBytes(raw);
        String token = "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(raw);
        secrets.add(token);
        Instant expiration = clock.instant().plus(duration);
        Principal principal = new Principal(accessKeyId,
            "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName, roleId + ":" + sessionName,
            Optional.of(token), Optional.of(expiration));
        byAccessKey.put(accessKeyId, principal);
        return new Session(principal, secret, token, expiration);
    }

    /** Issues a JWT-shaped bearer token for {@code clientId} in {@code tenant}, valid for {@code lifetime}. */
    String issueBearer(String clientId, String tenant, String audience, Duration lifetime) {
        Instant expires = clock.instant().plus(lifetime);
        String header = base64Url("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"cloud-sandbox\"}");
        String payload = base64Url("{\"aud\":\"" + audience + "\",\"iss\":\"https://sts.windows.net/" + tenant
            + "/\",\"appid\":\"" + clientId + "\",\"tid\":\"" + tenant + "\",\"exp\":" + expires.getEpochSecond()
            + ",\"jti\":\"" + randomOf(UPPER_ALNUM, 12) + "\"}");
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        String token = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        bearerTokens.put(token, expires);
        secrets.add(token);
        return token;
    }

    /** Whether {@code token} was issued here and has not expired. */
    boolean validBearer(String token) {
        Instant expires = token == null ? null : bearerTokens.get(token);
        return expires != null && clock.instant().isBefore(expires);
    }

    /** Whether {@code principal}'s session has expired. */
    boolean expired(Principal principal) {
        return principal.expiration().map(e -> !clock.instant().isBefore(e)).orElse(false);
    }

    /** Remembers {@code secret} (one the sandbox handed out otherwise), so a test can look for it. */
    void remember(String secret) {
        secrets.add(secret);
    }

    /** Every secret known or issued so far: secret keys, session tokens, client secrets, bearer tokens. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    private String randomOf(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
