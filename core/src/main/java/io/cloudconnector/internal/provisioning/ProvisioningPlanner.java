package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.NotReadyException;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.ProvisioningPort;
import io.cloudconnector.spi.ResourceProvider;
import io.cloudconnector.spi.RoleAssignmentFacts;
import io.cloudconnector.spi.SecurityHubFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the preparation of one spec's AWS account: reads its state through the provisioning port (identity and
 * regions, then IAM, then every enabled region in parallel), applies the rules and returns the plan; then, when the
 * options ask for the service principal of Arc onboarding, the Azure side's (resource providers, resource group, Entra
 * application, service principal, role assignments). Writes nothing. A fact that cannot be read becomes a conflict and
 * the rest is still planned. The Azure side is only asked to provision when the options ask for the service
 * principal. Thread-safe.
 */
public final class ProvisioningPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningPlanner.class);

    private final AwsSide aws;
    private final AzureSide azure;
    private final int parallelism;
    private final Clock clock;

    /**
     * A planner over {@code aws} and {@code azure}, reading {@link RegionFanOut#DEFAULT_PARALLELISM} regions at once.
     */
    public ProvisioningPlanner(AwsSide aws, AzureSide azure) {
        this(aws, azure, RegionFanOut.DEFAULT_PARALLELISM, Clock.systemUTC());
    }

    ProvisioningPlanner(AwsSide aws, AzureSide azure, int parallelism, Clock clock) {
        this.aws = aws;
        this.azure = azure;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /**
     * The plan for {@code spec} with {@code options}.
     *
     * @throws IllegalArgumentException when the options ask for the service principal but neither they nor the spec
     *     give the Arc resource group or region; nothing is read then
     * @throws UnsupportedOperationException when the AWS side, or with the service principal the Azure side, cannot
     *     provision
     * @throws NotReadyException when the provisioning identity belongs to another account than the spec's
     * @throws ConnectorException when the identity or the account's regions cannot be read
     */
    public ProvisioningPlan plan(ConnectorSpec spec, ProvisioningOptions options) {
        Optional<ArcOnboarding> arc = ArcOnboarding.of(spec, options);
        Optional<AzureProvisioningPort> entra = arc.map(target -> azure.azureProvisioning());
        ProvisioningPort port = aws.provisioning();
        AccountPort account = port.account();
        CallerIdentity identity = account.callerIdentity(spec);
        if (!identity.account().equals(spec.awsAccountId())) {
            throw new NotReadyException("The identity that provisions is " + identity.arn() + " in account "
                + identity.account() + ", but the spec names account " + spec.awsAccountId() + "; nothing was "
                + "planned. Use credentials of account " + spec.awsAccountId() + " for the AWS side");
        }
        Context context = Context.of(spec, options, identity);
        List<SelectedRegion> selected = RegionSelection.select(spec, account.regions(spec));
        Draft draft = new Draft(spec.awsAccountId());

        // Account-wide first: regional resources (recorders) may depend on them, and IAM is global.
        Optional<String> roleArn = Optional.empty();
        if (options.createRole()) {
            roleArn = ConnectorRoleRules.plan(context, Gathered.of(() -> account.role(spec, context.roleName())),
                draft);
        }
        if (options.createUser()) {
            String user = options.userName();
            ConnectorUserRules.plan(context, Gathered.of(() -> account.user(spec, user)),
                () -> Gathered.of(() -> port.accessKeyIds(spec, user)), draft);
        }
        selected.stream().filter(region -> !region.enabled()).forEach(region -> draft.conflict(region.region(),
            "region/" + region.region(), "Region " + region.region() + " is " + region.reason() + "; nothing is "
                + "planned there", "Enable the region (AWS console > Account > AWS Regions), or remove it from the "
                + "spec"));
        List<RegionState> regions = regionStates(port, spec, RegionSelection.enabled(selected));
        regional(context, port, regions, draft);

        // The Azure side last: nothing on the AWS side depends on it.
        Instant now = clock.instant();
        arc.ifPresent(target -> ArcOnboardingRules.plan(target, facts(target, entra.orElseThrow()), now, draft));
        ProvisioningPlan plan = ProvisioningPlan.builder().spec(spec).options(options).plannedAt(now)
            .actions(draft.actions()).conflicts(draft.conflicts()).roleArn(roleArn)
            .servicePrincipalName(arc.map(ArcOnboarding::displayName))
            .arcResourceGroup(arc.map(ArcOnboarding::resourceGroup)).arcRegion(arc.map(ArcOnboarding::location))
            .build();
        LOG.info("Planned provisioning of AWS account {}: {} to create, {} to change, {} conflicts",
            spec.awsAccountId(), plan.actions(ProvisioningAction.Kind.CREATE).size(),
            plan.actions(ProvisioningAction.Kind.CHANGE).size(), plan.conflicts().size());
        return plan;
    }

    /** The Azure side's facts, read through the resource provider registration and the provisioning port. */
    private ArcOnboardingRules.Facts facts(ArcOnboarding arc, AzureProvisioningPort entra) {
        ConnectorPort connectors = azure.connectors();
        String subscription = arc.subscriptionId();
        return new ArcOnboardingRules.Facts() {
            @Override
            public Gathered<ResourceProvider> provider(String namespace) {
                return Gathered.of(() -> connectors.provider(subscription, namespace));
            }

            @Override
            public Gathered<Optional<String>> resourceGroupLocation() {
                return Gathered.of(() -> entra.resourceGroupLocation(subscription, arc.resourceGroup()));
            }

            @Override
            public Gathered<List<EntraApplication>> applications() {
                return Gathered.of(() -> entra.applications(arc.displayName()));
            }

            @Override
            public Gathered<Optional<EntraServicePrincipal>> servicePrincipal(String appId) {
                return Gathered.of(() -> entra.servicePrincipal(appId));
            }

            @Override
            public Gathered<List<RoleAssignmentFacts>> roleAssignments(String principalId) {
                return Gathered.of(() -> entra.roleAssignments(arc.scope(), principalId));
            }
        };
    }

    private void regional(Context context, ProvisioningPort port, List<RegionState> regions, Draft draft) {
        List<RegionConfig> configs = regions.stream().map(RegionState::config).toList();
        boolean bucketReady = false;
        if (configs.stream().anyMatch(RegionConfig::needsChannel)) {
            bucketReady = BucketRules.plan(context, regions.get(0).region(),
                Gathered.of(() -> port.bucket(context.spec(), context.bucketName())), draft);
        }
        boolean ready = bucketReady;
        Optional<String> recorderRole = Optional.empty();
        if (configs.stream().anyMatch(config -> config.needsRecorder(ready))) {
            recorderRole = ConfigRules.serviceLinkedRole(context, configs, bucketReady, Gathered.of(() -> port
                .account().role(context.spec(), Context.CONFIG_SERVICE_LINKED_ROLE)), draft);
        }
        Optional<String> globalTypesRegion = ConfigRules.globalTypesRegion(configs, bucketReady);
        for (RegionState region : regions) {
            SecurityHubRules.plan(context, region.region(), region.hub(), draft);
            ConfigRules.plan(context, region.config(), recorderRole, bucketReady, globalTypesRegion, draft);
        }
    }

    private List<RegionState> regionStates(ProvisioningPort port, ConnectorSpec spec, List<String> regions) {
        Map<String, RegionOutcome<RegionState>> outcomes =
            RegionFanOut.run(regions, parallelism, region -> RegionState.read(port, spec, region));
        List<RegionState> states = new ArrayList<>();
        outcomes.forEach((region, outcome) -> states.add(outcome.succeeded() ? outcome.value()
            : RegionState.failed(region, outcome.failure() instanceof RuntimeException runtime ? runtime
                : new ConnectorException("Reading " + region + " failed: " + outcome.cause(), outcome.failure()))));
        return states;
    }

    /** The facts of one region, each read on its own: one that fails leaves the others intact. */
    private record RegionState(String region, Gathered<SecurityHubFacts> hub, RegionConfig config) {

        static RegionState read(ProvisioningPort port, ConnectorSpec spec, String region) {
            return new RegionState(region, Gathered.of(() -> port.account().securityHub(spec, region)),
                new RegionConfig(region, Gathered.of(() -> port.account().configRecorder(spec, region)),
                    Gathered.of(() -> port.deliveryChannels(spec, region))));
        }

        static RegionState failed(String region, RuntimeException failure) {
            return new RegionState(region, Gathered.failed(failure),
                new RegionConfig(region, Gathered.failed(failure), Gathered.failed(failure)));
        }
    }
}
