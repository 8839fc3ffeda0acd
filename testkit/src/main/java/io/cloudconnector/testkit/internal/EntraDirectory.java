package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxSeed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Microsoft Entra tenant behind Microsoft Graph: application registrations with their client secrets, and their
 * service principals, seeded or written through Graph. It also tells the token endpoint whether an application may
 * sign in with a secret, and Azure Resource Manager whether it sees a principal: a service principal created through
 * Graph stays out of ARM's sight for its first {@code propagationAttempts} role assignment attempts, as a new
 * principal does while the directory replicates. Thread-safe: the state is guarded by this directory.
 */
final class EntraDirectory {

    /** An application registration. */
    record App(String id, String appId, String displayName, Instant created, List<Password> passwords) {
    }

    /** A client secret of an application; {@code secret} is handed out once, by addPassword. */
    record Password(String keyId, String displayName, Instant start, Instant end, String secret) {

        /** The first three characters of the secret, as Graph shows them. */
        String hint() {
            return secret.substring(0, 3);
        }
    }

    /** A service principal. */
    record ServicePrincipal(String id, String appId, String displayName) {
    }

    /** Whether an application may sign in with a secret. */
    enum SignIn { UNKNOWN_APPLICATION, NO_SERVICE_PRINCIPAL, WRONG_SECRET, EXPIRED_SECRET, ALLOWED }

    private static final String SECRET_CHARACTERS =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";

    private final Clock clock;
    private final Principals principals;
    private final int propagationAttempts;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, App> applications = new LinkedHashMap<>();
    private final Map<String, ServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    private final Map<String, Integer> hiddenFromArm = new LinkedHashMap<>();

    EntraDirectory(SandboxSeed.Azure azure, Clock clock, Principals principals, int propagationAttempts) {
        this.clock = clock;
        this.principals = principals;
        this.propagationAttempts = propagationAttempts;
        Instant seeded = Instant.parse("2025-06-02T08:15:00Z");
        for (SandboxSeed.Application app : azure.applications()) {
            List<Password> passwords = new ArrayList<>();
            app.secrets().forEach(secret -> {
                passwords.add(new Password(secret.keyId(), secret.displayName(), seeded, secret.expiresAt(),
                    secret.value()));
                principals.remember(secret.value());
            });
            applications.put(key(app.objectId()), new App(app.objectId(), app.appId(), app.displayName(), seeded,
                List.copyOf(passwords)));
            app.servicePrincipalId().ifPresent(id -> servicePrincipals.put(key(id),
                new ServicePrincipal(id, app.appId(), app.displayName())));
        }
    }

    /** Every application, in the order they were made. */
    synchronized List<App> applications() {
        return List.copyOf(applications.values());
    }

    /** The application with object ID {@code id}. */
    synchronized Optional<App> application(String id) {
        return Optional.ofNullable(applications.get(key(id)));
    }

    /** The application with client ID {@code appId}. */
    synchronized Optional<App> applicationByAppId(String appId) {
        return applications.values().stream().filter(app -> app.appId().equalsIgnoreCase(appId)).findFirst();
    }

    /** Registers an application named {@code displayName}, with new object and client IDs. */
    synchronized App createApplication(String displayName) {
        App app = new App(UUID.randomUUID().toString(), UUID.randomUUID().toString(), displayName, clock.instant(),
            List.of());
        applications.put(key(app.id()), app);
        return app;
    }

    /**
     * Adds a new secret, valid from now until {@code end} (two years from now when null), to the application with
     * object ID {@code id}; empty when there is no such application.
     */
    synchronized Optional<Password> addPassword(String id, String displayName, Instant end) {
        App app = applications.get(key(id));
        if (app == null) {
            return Optional.empty();
        }
        Instant start = clock.instant();
        String secret = newSecret();
        principals.remember(secret);
        Password password = new Password(UUID.randomUUID().toString(), displayName, start,
            end == null ? start.plusSeconds(2L * 365 * 24 * 3600) : end, secret);
        List<Password> passwords = new ArrayList<>(app.passwords());
        passwords.add(password);
        applications.put(key(id), new App(app.id(), app.appId(), app.displayName(), app.created(),
            List.copyOf(passwords)));
        return Optional.of(password);
    }

    /** Every service principal, in the order they were made. */
    synchronized List<ServicePrincipal> servicePrincipals() {
        return List.copyOf(servicePrincipals.values());
    }

    /** The service principal with object ID {@code id}. */
    synchronized Optional<ServicePrincipal> servicePrincipal(String id) {
        return Optional.ofNullable(servicePrincipals.get(key(id)));
    }

    /** The service principal of the application with client ID {@code appId}. */
    synchronized Optional<ServicePrincipal> servicePrincipalOf(String appId) {
        return servicePrincipals.values().stream().filter(sp -> sp.appId().equalsIgnoreCase(appId)).findFirst();
    }

    /** Creates the service principal of {@code app}; ARM does not see it for its first attempts. */
    synchronized ServicePrincipal createServicePrincipal(App app) {
        ServicePrincipal principal = new ServicePrincipal(UUID.randomUUID().toString(), app.appId(),
            app.displayName());
        servicePrincipals.put(key(principal.id()), principal);
        hiddenFromArm.put(key(principal.id()), propagationAttempts);
        return principal;
    }

    /**
     * Whether ARM sees the principal {@code id} at this role assignment attempt: a known service principal whose
     * attempts out of sight are spent (this attempt spends one).
     */
    synchronized boolean visibleToArm(String id) {
        if (!servicePrincipals.containsKey(key(id))) {
            return false;
        }
        int hidden = hiddenFromArm.getOrDefault(key(id), 0);
        if (hidden > 0) {
            hiddenFromArm.put(key(id), hidden - 1);
            return false;
        }
        return true;
    }

    /** Whether the application with client ID {@code appId} may sign in with {@code secret} now. */
    synchronized SignIn signIn(String appId, String secret) {
        Optional<App> app = applicationByAppId(appId);
        if (app.isEmpty()) {
            return SignIn.UNKNOWN_APPLICATION;
        }
        if (servicePrincipalOf(appId).isEmpty()) {
            return SignIn.NO_SERVICE_PRINCIPAL;
        }
        Optional<Password> password = app.get().passwords().stream().filter(p -> p.secret().equals(secret))
            .findFirst();
        if (password.isEmpty()) {
            return SignIn.WRONG_SECRET;
        }
        Instant now = clock.instant();
        return now.isBefore(password.get().start()) || !now.isBefore(password.get().end()) ? SignIn.EXPIRED_SECRET
            : SignIn.ALLOWED;
    }

    /** The tenant as seed records: every application with its service principal and secrets. */
    synchronized List<SandboxSeed.Application> snapshot() {
        List<SandboxSeed.Application> snapshot = new ArrayList<>();
        for (App app : applications.values()) {
            List<SandboxSeed.ClientSecret> secrets = app.passwords().stream().map(p -> new SandboxSeed.ClientSecret(
                p.keyId(), p.displayName(), p.end(), p.secret())).toList();
            snapshot.add(new SandboxSeed.Application(app.id(), app.appId(), app.displayName(),
                servicePrincipalOf(app.appId()).map(ServicePrincipal::id), secrets));
        }
        return snapshot;
    }

    /** A 40-character secret shaped like Entra's: three characters, a digit, {@code Q~}, then 34 more. */
    private String newSecret() {
        StringBuilder secret = new StringBuilder(40);
        for (int i = 0; i < 3; i++) {
            secret.append(SECRET_CHARACTERS.charAt(random.nextInt(52)));
        }
        secret.append(random.nextInt(10)).append("Q~");
        for (int i = 0; i < 34; i++) {
            secret.append(SECRET_CHARACTERS.charAt(random.nextInt(SECRET_CHARACTERS.length())));
        }
        return secret.toString();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
