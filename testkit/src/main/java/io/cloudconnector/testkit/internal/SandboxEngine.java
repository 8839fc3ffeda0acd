package io.cloudconnector.testkit.internal;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox behind both servers: routes each request to its operation, applies the latency and the injected
 * faults, checks credentials, regions and bearer tokens, and lets the service's handler answer over the shared
 * state. Every AWS call is answered by the handlers of the caller's account (the seed's or a member's); STS and the
 * Azure side (ARM, Microsoft Graph under {@code /v1.0/}, the Entra token endpoint) are shared. Thread-safe.
 */
public final class SandboxEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxEngine.class);
    private static final Pattern TOKEN = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
    private static final Pattern OPENID = Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration$");
    private static final Pattern DISCOVERY = Pattern.compile("^/[^/]+/discovery/instance$");

    /** One routed call: its operation name, region (empty for Azure), error shape, work and caller's account. */
    private record Call(String operation, String region, ErrorStyle errors, Supplier<Reply> work,
        Supplier<String> caller, String account) {

        Call(String operation, String region, ErrorStyle errors, Supplier<Reply> work) {
            this(operation, region, errors, work, () -> "the caller", "");
        }
    }

    /** The AWS services of one account. */
    private record AccountSide(SandboxSeed seed, IamHandler iam, Ec2Handler ec2, SsmHandler ssm,
        ConfigHandler config, S3Handler s3, SecurityHubHandler securityHub) {
    }

    private final SandboxSeed seed;
    private final Principals principals;
    private final PageTokens tokens = new PageTokens();
    private final FaultRules faults = new FaultRules();
    private final StatsRecorder stats = new StatsRecorder();
    private final AtomicReference<Duration> latency;
    private final AtomicBoolean quotaOn;
    private final Map<String, AccountSide> accounts = new LinkedHashMap<>();
    private final StsHandler sts;
    private final EntraHandler entra;
    private final ArmHandler arm;
    private final GraphHandler graph;
    private final EntraDirectory directory;
    private final ResourceGroups groups;
    private final RoleAssignments roleAssignments;

    /**
     * An engine over {@code seed}.
     *
     * @param iamPageSize the most entries an IAM list page holds
     * @param armPageSize the most connectors, machines or role assignments an ARM list page holds
     * @param syntheticFindings generated findings per region whose Security Hub the seed enables; 0 for none
     * @param invocationRunTime how long an SSM invocation runs; zero to move it one step per poll
     * @param graphPageSize the most objects a Microsoft Graph list page holds
     * @param propagationAttempts how many role assignment attempts a service principal created through Graph is not
     *     found by ARM
     */
    public SandboxEngine(SandboxSeed seed, Clock clock, boolean quota, Duration latency, int iamPageSize,
        int armPageSize, int syntheticFindings, Duration invocationRunTime, int graphPageSize,
        int propagationAttempts) {
        this.seed = seed;
        this.principals = new Principals(seed, clock);
        this.latency = new AtomicReference<>(latency);
        this.quotaOn = new AtomicBoolean(quota);
        ArcRegistry arc = new ArcRegistry();
        seed.azure().arcMachines().forEach(m -> arc.put(new ArcRegistry.Machine(seed.azure().subscriptionId(),
            m.resourceGroup(), m.name(), seed.azure().location(), m.status(), m.tags(), m.osType(), m.osName(),
            Instant.parse("2025-10-20T11:02:37Z"))));
        for (SandboxSeed account : seed.accounts()) {
            S3Handler s3 = new S3Handler(account);
            ConfigHandler config = new ConfigHandler(account, clock, s3);
            accounts.put(account.accountId(), new AccountSide(account,
                new IamHandler(account, principals, tokens, clock, iamPageSize), new Ec2Handler(account, tokens),
                new SsmHandler(account, tokens, arc, clock, invocationRunTime), config, s3,
                new SecurityHubHandler(account, tokens, clock, quotaOn, syntheticFindings)));
        }
        Function<String, Optional<IamHandler>> iamOf = id -> Optional.ofNullable(accounts.get(id))
            .map(AccountSide::iam);
        this.sts = new StsHandler(iamOf, principals);
        this.directory = new EntraDirectory(seed.azure(), clock, principals, propagationAttempts);
        this.groups = new ResourceGroups(seed.azure());
        this.roleAssignments = new RoleAssignments(seed.azure(), groups, directory, clock);
        this.entra = new EntraHandler(seed.azure(), principals, directory);
        this.arm = new ArmHandler(seed.azure(), new ConnectorStates(seed, iamOf, principals, directory), arc, tokens,
            armPageSize, groups, roleAssignments);
        this.graph = new GraphHandler(directory, clock, tokens, graphPageSize);
    }

    /** The fault registry. */
    public FaultRules faults() {
        return faults;
    }

    /** The statistics. */
    public StatsRecorder stats() {
        return stats;
    }

    /** The credentials and tokens. */
    public Principals principals() {
        return principals;
    }

    /** The paging tokens. */
    public PageTokens tokens() {
        return tokens;
    }

    /** The Entra tenant's applications, with their service principals and secrets, as they are now. */
    public List<SandboxSeed.Application> applications() {
        return directory.snapshot();
    }

    /** The subscription's resource groups as they are now. */
    public List<SandboxSeed.ResourceGroup> resourceGroups() {
        return groups.snapshot();
    }

    /** The role assignments as they are now. */
    public List<SandboxSeed.RoleAssignment> roleAssignments() {
        return roleAssignments.snapshot();
    }

    /** Sets the delay added to every call. */
    public void latency(Duration delay) {
        latency.set(delay);
    }

    /** Switches the GetFindings quota on or off. */
    public void quota(boolean on) {
        quotaOn.set(on);
    }

    /** Answers a request to the AWS server. */
    Reply serveAws(Request request) {
        return serve(routeAws(request));
    }

    /** Answers a request to the Azure server, whose base URI is {@code base}. */
    Reply serveAzure(Request request, URI base) {
        return serve(routeAzure(request, base));
    }

    private Reply serve(Call call) {
        stats.enter(call.operation(), call.region(), call.account());
        try {
            pause(latency.get());
            Optional<SandboxFault> fault = faults.fire(call.operation(), call.region());
            fault.ifPresent(f -> stats.faultFired());
            Reply reply = fault.map(f -> applyFault(f, call)).orElseGet(() -> work(call));
            stats.answered(reply.status());
            return reply;
        } finally {
            stats.leave();
        }
    }

    private Reply work(Call call) {
        try {
            return call.work().get();
        } catch (RuntimeException e) {
            LOG.warn("The sandbox failed to answer {} in {}", call.operation(), call.region(), e);
            return call.errors().internal();
        }
    }

    private Reply applyFault(SandboxFault fault, Call call) {
        ErrorStyle errors = call.errors();
        return switch (fault.kind()) {
            case THROTTLE -> errors.throttle();
            case SERVER_ERROR -> errors.internal();
            case UNAVAILABLE -> errors.unavailable();
            case CONNECTION_RESET -> Reply.fault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> Reply.fault(Fault.EMPTY_RESPONSE);
            case MALFORMED_BODY -> errors.malformed();
            case ACCESS_DENIED -> errors instanceof AwsService service
                ? service.deniedWith("User: " + call.caller().get() + " is not authorized to perform: "
                    + call.operation() + " because no identity-based policy allows the " + call.operation()
                    + " action")
                : errors.accessDenied(call.operation());
            case ERROR -> errors.error(fault.status(), fault.code(), fault.message());
            case DELAY -> {
                pause(fault.delay());
                yield work(call);
            }
        };
    }

    private Call routeAws(Request request) {
        Optional<AwsRequest> parsed = AwsRequest.parse(request);
        if (parsed.isEmpty()) {
            return new Call("aws:Unsigned", "", AwsService.STS, () -> AwsService.STS.error(403,
                "MissingAuthenticationToken", "Request is missing Authentication Token or names a service the "
                + "sandbox does not play"));
        }
        AwsRequest call = parsed.get();
        Optional<Principals.Principal> caller = principals.find(call.accessKeyId);
        return new Call(call.qualifiedOperation(), call.region, call.service, () -> answerAws(call),
            () -> caller.map(Principals.Principal::arn).orElse("arn:aws:iam::" + seed.accountId() + ":user/unknown"),
            caller.map(Principals.Principal::account).orElse(""));
    }

    private Reply answerAws(AwsRequest call) {
        Optional<Principals.Principal> caller = principals.find(call.accessKeyId);
        if (caller.isEmpty() || !caller.get().sessionToken().equals(call.sessionToken)
            && caller.get().sessionToken().isPresent()) {
            return call.service.invalidToken();
        }
        if (principals.expired(caller.get())) {
            return call.service.expiredToken();
        }
        AccountSide account = accounts.get(caller.get().account());
        if (call.service != AwsService.IAM && !account.seed().region(call.region).map(SandboxSeed.Region::enabled)
            .orElse(false)) {
            return call.service.regionDisabled(call.region);
        }
        return switch (call.service) {
            case STS -> sts.handle(call, caller.get());
            case IAM -> account.iam().handle(call, caller.get());
            case EC2 -> account.ec2().handle(call);
            case SSM -> account.ssm().handle(call);
            case CONFIG -> account.config().handle(call);
            case SECURITYHUB -> account.securityHub().handle(call);
            case S3 -> account.s3().handle(call);
        };
    }

    private Call routeAzure(Request request, URI base) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = AwsRequest.decode(q < 0 ? url : url.substring(0, q));
        Map<String, String> query = AwsRequest.parseForm(q < 0 ? "" : url.substring(q + 1));
        String method = request.getMethod().getName();
        Matcher m;
        if (method.equals("POST") && (m = TOKEN.matcher(path)).matches()) {
            String tenant = m.group(1);
            return new Call("entra:POST token", "", ArmErrors.ENTRA, () -> entra.token(tenant,
                request.getBodyAsString()));
        }
        if (method.equals("GET") && (m = OPENID.matcher(path)).matches()) {
            String tenant = m.group(1);
            return new Call("entra:GET openid-configuration", "", ArmErrors.ENTRA,
                () -> entra.openIdConfiguration(base, tenant));
        }
        if (method.equals("GET") && DISCOVERY.matcher(path).matches()) {
            return new Call("entra:GET instance-discovery", "", ArmErrors.ENTRA, () -> entra.instanceDiscovery(base));
        }
        if (GraphHandler.handles(path)) {
            GraphHandler.Route route = graph.route(method, path, query, request.getBodyAsString(), base);
            return new Call(route.operation(), "", ArmErrors.GRAPH, () -> graphAuthorized(request, route.work()));
        }
        ArmHandler.Route route = arm.route(method, path, query, request.getBodyAsString(), base);
        return new Call(route.operation(), "", ArmErrors.ARM, () -> authorized(request, route));
    }

    private Reply graphAuthorized(Request request, Supplier<Reply> work) {
        String token = bearer(request);
        if (!principals.validBearer(token)) {
            return ArmErrors.GRAPH.error(401, "InvalidAuthenticationToken", token == null ? "Access token is empty."
                : "Access token validation failure.");
        }
        return work.get();
    }

    private static String bearer(Request request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
    }

    private Reply authorized(Request request, ArmHandler.Route route) {
        String token = bearer(request);
        if (!principals.validBearer(token)) {
            String code = token == null ? "AuthenticationFailed" : "InvalidAuthenticationToken";
            String message = token == null ? "Authentication failed. The 'Authorization' header is missing."
                : "The access token is invalid or has expired.";
            return ArmErrors.ARM.error(401, code, message).header("WWW-Authenticate", "Bearer authorization_uri="
                + "\"https://login.microsoftonline.com/" + seed.azure().tenantId() + "\", error=\"invalid_token\", "
                + "error_description=\"" + message.replace('"', '\'') + "\"");
        }
        return route.work().get();
    }

    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
